def log = new File(basedir, 'build.log').text
def main = new File(basedir, 'target/generated-sources/sqlxwire/io/sqlxwire/it/ping')
def test = new File(basedir, 'target/generated-test-sources/sqlxwire/io/sqlxwire/it/ping')
['Ping', 'PingDecoder', 'PingEncoder'].each { assert new File(main, "${it}.java").isFile() : "no ${it}.java" }
['PingArbitraries', 'PingPropertiesTest'].each { assert new File(test, "${it}.java").isFile() : "no ${it}.java" }
assert new File(basedir, 'target/maven-status/sqlxwire/generate-default.status').isFile()
assert new File(basedir, 'target/maven-status/sqlxwire/generate-test-default.status').isFile()
assert log =~ /Generated \d+ files? from 1 \.wire file into target\/generated-test-sources\/sqlxwire/
assert log.contains('Generated sources in target/generated-test-sources/sqlxwire are up to date')
assert (log =~ /BUILD SUCCESS/).size() == 2

// Every generated source compiled: one class file per generated top-level type.
['generated-sources': 'classes', 'generated-test-sources': 'test-classes'].each { sources, classes ->
    def root = new File(basedir, "target/${sources}/sqlxwire")
    root.eachFileRecurse(groovy.io.FileType.FILES) { source ->
        if (source.name.endsWith('.java')) {
            def relative = root.toPath().relativize(source.toPath()).toString().replace('.java', '.class')
            assert new File(basedir, "target/${classes}/${relative}").isFile() : "${source} did not compile"
        }
    }
}

// The generated property tests ran in the test phase (the report is of the last build) and passed.
def report = new File(basedir, 'target/surefire-reports/TEST-io.sqlxwire.it.ping.PingPropertiesTest.xml')
assert report.isFile() : 'the generated property tests did not run'
// the counts of the <testsuite> element (plain text: no XML library needed in the script)
def counts = { File xml ->
    def suite = xml.text =~ /<testsuite [^>]*>/
    assert suite.find()
    def attribute = { name -> ((suite.group() =~ /\s${name}="(\d+)"/)[0][1]) as int }
    [tests: attribute('tests'), failures: attribute('failures'), errors: attribute('errors'), skipped: attribute('skipped')]
}
def generated = counts(report)
assert generated.tests > 0 && generated.failures == 0 && generated.errors == 0 && generated.skipped == 0 : generated
def handWritten = counts(new File(basedir, 'target/surefire-reports/TEST-io.sqlxwire.it.ApplicationTest.xml'))
assert handWritten.tests == 2 && handWritten.failures == 0 && handWritten.errors == 0 : handWritten
// both builds ran them
assert (log =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [^\n]* -- in io\.sqlxwire\.it\.ping\.PingPropertiesTest/).size() == 2 : log
return true
