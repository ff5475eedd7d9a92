def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] istio-lint: no manifests found in the default folders src/main/k8s')
assert !log.contains('[ERROR]')
assert !new File(basedir, 'target/istio-lint').exists()
