// Package hub is nnbook under JupyterHub: the set-up for one machine
// (jupyterhub_config.py), the single-user image for Docker and Kubernetes
// (Dockerfile, helm-values.yaml) and the classroom load test that starts a
// real hub on 127.0.0.1 with many learners. It has no Go API; README.md is
// the guide, and the tests are the proof:
//
//	go test ./kernel/jupyter/hub/                       # 2 learners per kernel
//	go test -run '^$' -bench Classroom -benchtime 1x ./kernel/jupyter/hub/
//
// The tests skip when Debian's jupyterhub is not installed, unless
// NNBOOK_REQUIRE_JUPYTER=1 (set by .ci/run), which makes that a failure.
package hub
