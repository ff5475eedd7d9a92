def log = new File(basedir, 'build.log').text
assert log.contains('istio-lint:check')
assert log.contains('User property: istio-lint.failOnSeverity')
assert log.contains('istio-lint:help')
