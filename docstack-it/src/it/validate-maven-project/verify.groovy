// Bound in a pom, the goal runs in the validate phase and reports under target/docstack/.
def log = new File(basedir, 'build.log').text
assert log.contains(':validate (default) @ validate-maven-project ---')
assert log.contains('docstack:validate docstack: 0 errors, 0 warnings, 0 infos (report: target/docstack/validation-junit.xml)')
assert new File(basedir, 'target/docstack/validation-junit.xml').isFile()
assert !new File(basedir, '.docstack').exists()
