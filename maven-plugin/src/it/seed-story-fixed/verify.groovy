// The seed story fixed: the DestinationRule repeats tls ISTIO_MUTUAL, nothing at error level, the build passes.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /istio-lint checked 6 files \(\d+ resources\) against Istio 1\.0, .*: 0 errors/
assert !(log =~ /\[ERROR\] k8s\//)
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/istio-lint/istio-lint.json'))
assert json.findings.every { it.severity != 'error' }
assert json.summary.errors == 0
assert new File(basedir, 'target/istio-lint/istio-lint.sarif').isFile()
assert new File(basedir, 'target/istio-lint/istio-lint-junit.xml').isFile()
