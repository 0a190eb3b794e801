package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/testkit/syncbuf"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestServeCommand: `sanctions serve` answers with the token from the environment, logs JSON
// lines, and exits 0 when stopped.
func TestServeCommand(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	t.Setenv("SANCTIONS_SERVE_TOKEN", "t0ken")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncbuf.Buffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"serve", "--addr", addr, "--rules", "../../rules"}, nil, &stdout, &stderr)
	}()
	base := "http://" + addr
	testrules.WaitFor(t, "the server to be ready", func() bool {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	event, err := os.ReadFile("../../fixtures/seed/efe-2024-01-15.yaml")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/check", strings.NewReader(string(event)))
	req.Header.Set("Content-Type", "application/yaml")
	req.Header.Set("Authorization", "Bearer t0ken")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"findings": 4,`) {
		t.Errorf("status %d:\n%s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	for _, want := range []string{`"msg":"rules loaded"`, `"msg":"request","method":"POST","path":"/v1/check","status":200`, `"events":7`, `"msg":"stopped"`} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, stderr.String())
		}
	}
}

func TestServeRefusesBadSettings(t *testing.T) {
	var stdout, stderr syncbuf.Buffer
	code := runContext(context.Background(), []string{"serve", "--log-level", "loud", "--rules", "../../rules"}, nil, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "serve.log_level") {
		t.Errorf("exit %d, stderr %s", code, stderr.String())
	}
}
