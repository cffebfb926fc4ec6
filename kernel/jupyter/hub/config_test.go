package hub

import (
	"context"
	"testing"
	"time"
)

// TestOneMachineConfigStarts starts the hub with the set-up for real
// learners (PAM logins, a server per Unix user), not the test mode: the
// configuration must load and the hub must answer with PAM and the local
// process spawner in charge.
func TestOneMachineConfigStarts(t *testing.T) {
	h := startHubMode(t, "")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var info struct {
		Authenticator struct {
			Class string `json:"class"`
		} `json:"authenticator"`
		Spawner struct {
			Class string `json:"class"`
		} `json:"spawner"`
	}
	if _, err := h.call(ctx, "GET", "/hub/api/info", nil, &info); err != nil {
		t.Fatal(err)
	}
	if info.Authenticator.Class != "jupyterhub.auth.PAMAuthenticator" || info.Spawner.Class != "jupyterhub.spawner.LocalProcessSpawner" {
		t.Errorf("authenticator %q, spawner %q; want PAMAuthenticator and LocalProcessSpawner", info.Authenticator.Class, info.Spawner.Class)
	}
}
