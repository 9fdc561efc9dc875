// mvn docstack:validate in a directory without a pom: one line per problem, file:line:column, and a failed build
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] docstack/docstack.yaml:2:7: invalid-name name \'Demo\' is not a valid image repository name')
assert log.contains('[ERROR] docstack/docstack.yaml:3:1: unknown-key Unknown key \'servces\' in the manifest: did you mean \'services\'?')
assert log.contains('docstack:validate docstack: 2 errors, 0 warnings, 0 infos (report: .docstack/validation-junit.xml)')
assert log.contains('BUILD FAILURE')
assert !log.readLines().any { it ==~ /\s+at [\w.$]+\(.*\)/ }: 'no stack trace in the Maven output'
def report = new File(basedir, '.docstack/validation-junit.xml').text
assert report.contains('<testcase classname="docstack/docstack.yaml" name="3:1 unknown-key"><failure type="error"')
