def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/generated-sources/sqlxwire').isDirectory()
assert new File(basedir, 'target/generated-test-sources/sqlxwire').isDirectory()
assert new File(basedir, 'target/maven-status/sqlxwire/generate-default.status').isFile()
assert new File(basedir, 'target/maven-status/sqlxwire/generate-test-default.status').isFile()
assert log =~ /Generated \d+ files? from 1 \.wire file into target\/generated-test-sources\/sqlxwire/
assert log.contains('Generated sources in target/generated-test-sources/sqlxwire are up to date')
assert new File(basedir, 'target/test-classes/io/sqlxwire/it/ApplicationTest.class').isFile()
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
return true
