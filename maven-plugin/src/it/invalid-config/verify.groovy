def log = new File(basedir, 'build.log').text
// a usage problem, reported as an execution error naming the file and line, not as findings
assert log =~ /\[ERROR\] Failed to execute goal .*:check \(default-cli\) on project invalid-config: istio-lint: \.istio-lint\.yaml:2:1: invalid configuration: .*ignores/
assert !log.contains('[LINT003]')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace without -e'
assert !new File(basedir, 'target/istio-lint').exists()
