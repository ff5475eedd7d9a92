def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] istio-lint: skipped')
assert !log.contains('[YAML')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/istio-lint').exists()
