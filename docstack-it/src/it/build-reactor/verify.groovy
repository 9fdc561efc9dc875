// A reactor of two modules with docstack/ directories, built in parallel (-T 2): both images are built.
def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert !log.contains('is not marked as @threadSafe')
['alpha', 'beta'].each { module ->
    assert log =~ /docstack:build reactor-${module} \(sha256:[0-9a-f]+\)/
    def build = new groovy.json.JsonSlurper().parse(new File(basedir, "${module}/target/docstack/build.json"))
    build.tags.each { tag -> "docker rmi -f ${tag}".execute().waitFor() }
}
true
