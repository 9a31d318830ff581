import groovy.io.FileType

def log = new File(basedir, 'build.log').text
def checkedIn = new File(basedir, 'src/main/java')

def filesIn = { File dir ->
    def names = []
    if (dir.isDirectory()) {
        dir.eachFileRecurse(FileType.FILES) { names << it.name }
    }
    names.sort()
}
// what the current .wire files generate (the scratch tree of the last check)
def generated = new File(basedir, 'target/sqlxwire-check/io/sqlxwire/it')
def pingFiles = filesIn(new File(generated, 'ping'))
def extraFiles = filesIn(new File(generated, 'extra'))
assert pingFiles.containsAll(['Ping.java', 'PingDecoder.java', 'PingEncoder.java']) : pingFiles
assert extraFiles.containsAll(['Hello.java', 'HelloDecoder.java', 'HelloEncoder.java']) : extraFiles
assert !new File(generated, 'pong').exists()

// build 2: every kind of drift, for real generated files
def summary = log =~ /Generated sources checked in to src\/main\/java are out of date with their \.wire files \((\d+) changed, (\d+) missing, (\d+) obsolete\)/
assert summary.find() : log
def changed = (log =~ /  changed:  io\/sqlxwire\/it\/ping\/(\S+\.java)/).collect { it[1] }
assert summary.group(1) as int == changed.size()
// what the wider field changes; generated files it does not touch are not drift
assert changed.containsAll(['Ping.java', 'PingDecoder.java', 'PingEncoder.java']) : changed
assert !changed.contains('PingClientHandler.java') : changed
assert summary.group(2) as int == extraFiles.size()
extraFiles.each { assert log.contains("  missing:  io/sqlxwire/it/extra/${it} (generated, but not checked in)") }
def obsolete = (log =~ /  obsolete: io\/sqlxwire\/it\/(\S+\.java) \(checked in, but no longer generated\)/).collect { it[1] }
assert summary.group(3) as int == obsolete.size()
assert obsolete.contains('Planted.java')
assert obsolete.containsAll(['pong/Pong.java', 'pong/PongDecoder.java', 'pong/PongEncoder.java']) : obsolete
// the diff shows the field that changed type (- checked in, + generated)
assert log.contains('-  private int sequence;') && log.contains('+  private long sequence;') : log
assert log.contains("Run 'mvn sqlxwire:apply' to update them")
assert log =~ /on project check-drift: \d+ generated files? out of date in src\/main\/java; run 'mvn sqlxwire:apply' to update/
assert !log.contains('HandWritten.java') : 'hand-written sources are not drift'

// builds 3 and 4: apply removes the drift, check then passes, hand-written files survive
assert log.contains('deleted: io/sqlxwire/it/Planted.java')
assert log =~ /Updated \d+ generated files? in src\/main\/java/
assert log.contains('Generated sources checked in to src/main/java are up to date')
assert !new File(checkedIn, 'io/sqlxwire/it/Planted.java').exists()
assert new File(checkedIn, 'io/sqlxwire/it/HandWritten.java').exists()
assert filesIn(new File(checkedIn, 'io/sqlxwire/it/pong')).isEmpty()
assert filesIn(new File(checkedIn, 'io/sqlxwire/it/ping')) == pingFiles
assert filesIn(new File(checkedIn, 'io/sqlxwire/it/extra')) == extraFiles
assert new File(checkedIn, 'io/sqlxwire/it/ping/PingDecoder.java').text.contains('region.u32be(') : 'the applied decoder reads the u32'
pingFiles.each { assert new File(checkedIn, "io/sqlxwire/it/ping/${it}").text == new File(generated, "ping/${it}").text }
// the applied sources compile with the hand-written one that uses them
assert new File(basedir, 'target/classes/io/sqlxwire/it/ping/PingDecoder.class').isFile()
assert new File(basedir, 'target/classes/io/sqlxwire/it/extra/HelloDecoder.class').isFile()
assert new File(basedir, 'target/classes/io/sqlxwire/it/HandWritten.class').isFile()
return true
