def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] k8s\/gateway\.yaml:\[\d+,\d+\] \[YAML002\] /
assert log =~ /istio-lint found 1 violation at severity error or above/
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace without -e'
assert !log.contains('Exception:') && !log.contains('dev.istiolint.core')
