// The seed story: foo/httpbin's DestinationRule replaces the mesh-wide ISTIO_MUTUAL rule without tls, so sleep
// sends plaintext to a sidecar that only accepts mutual TLS (503 UC in Istio 1.0).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// one error line on the DestinationRule, path relative to the project, with the fix in the message
def finding = log.readLines().find { it =~ /^\[ERROR\] k8s\/foo\/httpbin-destinationrule\.yaml:\[\d+,\d+\] \[TLS\d{3}\] / }
assert finding != null : 'no TLS finding on k8s/foo/httpbin-destinationrule.yaml in the log'
assert finding.contains('httpbin')
assert finding.contains('ISTIO_MUTUAL')

assert log =~ /istio-lint checked 6 files \(\d+ resources\) against Istio 1\.0/
assert log =~ /istio-lint found \d+ violations? at severity error or above/
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace without -e'

def json = new JsonSlurper().parse(new File(basedir, 'target/istio-lint/istio-lint.json'))
def tls = json.findings.find { it.ruleId ==~ /TLS\d{3}/ }
assert tls.file == 'k8s/foo/httpbin-destinationrule.yaml'
assert tls.resource.namespace == 'foo' && tls.resource.name == 'httpbin'
assert tls.line > 0

def sarif = new JsonSlurper().parse(new File(basedir, 'target/istio-lint/istio-lint.sarif'))
assert sarif.runs[0].results.any { it.ruleId ==~ /TLS\d{3}/ }
