def log = new File(basedir, 'build.log').text
assert (log =~ /Skipping SQLxWire generation \(sqlxwire\.skip\)/).size() == 2 : 'generate and generate-test both skip'
assert !(log =~ /Generated \d+ files?/)
assert !new File(basedir, 'target/generated-sources/sqlxwire').exists()
assert !new File(basedir, 'target/generated-test-sources/sqlxwire').exists()
assert !new File(basedir, 'target/maven-status/sqlxwire').exists()

assert log.contains('Skipping the SQLxWire check (sqlxwire.check.skip)')
assert log.contains('  obsolete: io/sqlxwire/it/Planted.java') : 'the unskipped check sees the drift'
assert new File(basedir, 'src/main/java/io/sqlxwire/it/Planted.java').exists() : 'check never changes sources'
return true
