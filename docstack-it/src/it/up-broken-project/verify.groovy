// mvn docstack:up of a stack with a path: project that does not validate: the problems, one per line with file, line
// and column relative to the stack's directory, then what failed and where; nothing built, no stack trace
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] hello/docstack/docstack.yaml:2:7: invalid-name name \'Demo\' is not a valid image repository name')
assert log.contains('[ERROR] hello/docstack/docstack.yaml:3:1: unknown-key Unknown key \'servces\' in the manifest: did you mean \'services\'?')
assert log =~ /Project hello at \S+hello cannot be built: \S+ has 2 errors, 0 warnings, 0 infos: fix the errors listed above; nothing was built \(mvn docstack:validate there checks it again\)/
assert !log.contains('[up] ')
assert log.contains('BUILD FAILURE')
assert !log.readLines().any { it ==~ /\s+at [\w.$]+\(.*\)/ }: 'no stack trace in the Maven output'
