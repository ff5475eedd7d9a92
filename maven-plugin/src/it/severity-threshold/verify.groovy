import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] deploy/settings.yaml:[12,9] [LINT003] ConfigMap apps/settings is defined twice')
assert log =~ /istio-lint checked 1 file \(2 resources\) against Istio [0-9.]+, .*: 0 errors, 1 warning, /
assert log.contains('istio-lint found 1 violation at severity warning or above; fix them or see the reports')
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace without -e'
// the report is written even though the build fails
def json = new JsonSlurper().parse(new File(basedir, 'target/istio-lint/istio-lint.json'))
assert json.findings*.ruleId == ['LINT003']
