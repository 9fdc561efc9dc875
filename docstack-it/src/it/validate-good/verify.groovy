def log = new File(basedir, 'build.log').text
assert log.contains('docstack:validate docstack: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, '.docstack/validation-junit.xml').isFile()
