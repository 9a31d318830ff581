def log = new File(basedir, 'build.log').text
// the diagnostic, compiler-style, with the source line under it
assert log =~ /\[ERROR\] src\/main\/sqlxwire\/broken\.wire:4:13: error: .*u33/ : log
assert log.contains('    length: u33;')
// the one-line summary is the failure reason
assert log =~ /Failed to execute goal io\.sqlxwire:sqlxwire-maven-plugin:[^ ]+:generate \(default\) on project idl-error: 1 error in 1 \.wire file/ : log
assert !log.contains('fine.wire:') : 'a file without errors reports nothing'
// a failed run leaves no status behind, so the next run retries
assert !new File(basedir, 'target/maven-status/sqlxwire/generate-default.status').exists()
return true
