def log = new File(basedir, 'build.log').text
assert !log.contains('[LINT003]')
assert log =~ /istio-lint checked 1 file \(2 resources\) .*: 0 errors, 0 warnings, /
assert log.contains('BUILD SUCCESS')
