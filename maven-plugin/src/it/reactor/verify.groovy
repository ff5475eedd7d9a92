import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// each module is checked on its own, paths relative to the module; the root's .istio-lint.yaml applies to both
assert log.contains('[INFO] k8s/frontend.yaml:[12,9] [LINT003] ConfigMap web/frontend is defined twice')
assert log =~ /istio-lint checked 1 file \(2 resources\) .*: 0 errors, 0 warnings, 1 info/
assert log =~ /istio-lint checked 1 file \(1 resource\) .*: 0 errors, 0 warnings, /
// the aggregator has no manifests of its own
assert log.contains('[INFO] istio-lint: no manifests found in the default folders')
assert log.contains('BUILD SUCCESS')

def front = new JsonSlurper().parse(new File(basedir, 'frontend/target/istio-lint/istio-lint.json'))
assert front.findings*.file == ['k8s/frontend.yaml']
def back = new JsonSlurper().parse(new File(basedir, 'backend/target/istio-lint/istio-lint.json'))
assert back.findings.isEmpty()
assert !new File(basedir, 'target/istio-lint').exists()
