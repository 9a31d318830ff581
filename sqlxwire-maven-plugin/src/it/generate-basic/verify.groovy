def log = new File(basedir, 'build.log').text
def output = new File(basedir, 'target/generated-sources/sqlxwire')
def status = new File(basedir, 'target/maven-status/sqlxwire/generate-default.status')

def generated = (log =~ /Generated \d+ files? from 1 \.wire file into target\/generated-sources\/sqlxwire/).size()
assert generated == 2 : "expected generation in builds 1 and 3 only, saw ${generated}:\n${log}"
assert (log =~ /Generated sources in target\/generated-sources\/sqlxwire are up to date \(1 \.wire file unchanged\); skipping generation/).size() == 1
// the order: generate, up to date, generate again
def first = log.indexOf('Generated ')
def upToDate = log.indexOf('are up to date')
def again = log.indexOf('Generated ', upToDate)
assert first >= 0 && first < upToDate && upToDate < again

assert output.isDirectory()
assert status.isFile()
def statusText = status.text
assert statusText.contains('read src/main/sqlxwire/ping.wire')
assert statusText.contains('read src/main/sqlxwire/lib/pair.wire') : 'imports are tracked'

// help describes every goal and parameter
['sqlxwire:generate', 'sqlxwire:generate-test', 'sqlxwire:check', 'sqlxwire:apply', 'sqlxwire:help'].each {
    assert log.contains(it) : "help does not mention ${it}"
}
assert !log.contains('ERROR')
return true
