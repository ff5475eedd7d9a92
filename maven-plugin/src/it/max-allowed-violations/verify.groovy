def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] manifests/config.yaml:[12,9] [LINT003] ConfigMap apps/settings is defined twice')
assert log.contains('[WARNING] manifests/config.yaml:[28,9] [LINT003] ConfigMap apps/limits is defined twice')
assert log =~ /: 0 errors, 2 warnings, /
assert !log.contains('istio-lint found')
assert log.contains('BUILD SUCCESS')
