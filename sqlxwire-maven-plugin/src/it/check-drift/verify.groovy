def log = new File(basedir, 'build.log').text
def checkedIn = new File(basedir, 'src/main/java')

// build 2: the failure lists the drift and the command that fixes it
assert log.contains('Generated sources checked in to src/main/java are out of date with their .wire files (') : log
assert log.contains('  obsolete: io/sqlxwire/it/Planted.java (checked in, but no longer generated)')
assert log.contains("Run 'mvn sqlxwire:apply' to update them")
assert log =~ /on project check-drift: \d+ generated files? out of date in src\/main\/java; run 'mvn sqlxwire:apply' to update/
assert !log.contains('HandWritten.java') : 'hand-written sources are not drift'

// Once the generators emit files, the three kinds of drift appear for the .wire files as well.
def generated = new File(basedir, 'target/sqlxwire-check')
def generatedFiles = []
assert generated.isDirectory()
generated.eachFileRecurse(groovy.io.FileType.FILES) { generatedFiles << it }
if (generatedFiles.any { it.path.contains('/io/sqlxwire/it/ping/') }) {
    assert log =~ /  changed:  io\/sqlxwire\/it\/ping\/\S+\.java\n\s+@@ -\d+,\d+ \+\d+,\d+ @@/
}
if (generatedFiles.any { it.path.contains('/io/sqlxwire/it/extra/') }) {
    assert log =~ /  missing:  io\/sqlxwire\/it\/extra\/\S+\.java \(generated, but not checked in\)/
    assert log =~ /  obsolete: io\/sqlxwire\/it\/pong\/\S+\.java/
}

// builds 3 and 4: apply removes the drift, check then passes, hand-written files survive
assert log.contains('deleted: io/sqlxwire/it/Planted.java')
assert log =~ /Updated \d+ generated files? in src\/main\/java/
assert log.contains('Generated sources checked in to src/main/java are up to date')
assert !new File(checkedIn, 'io/sqlxwire/it/Planted.java').exists()
assert new File(checkedIn, 'io/sqlxwire/it/HandWritten.java').exists()
assert !new File(checkedIn, 'io/sqlxwire/it/pong').exists() || new File(checkedIn, 'io/sqlxwire/it/pong').list().length == 0
return true
