package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sanctions-dev/sanctions/internal/testkit/syncbuf"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestCheckWatch: `check --watch` reports, then reports again when a rule changes, shows a
// broken rule's error and keeps running, reports again when an input changes, and stops with
// status 0 on Ctrl-C.
func TestCheckWatch(t *testing.T) {
	dir := t.TempDir()
	rules, events := filepath.Join(dir, "rules"), filepath.Join(dir, "events")
	testrules.CopyTree(t, "../../rules", rules)
	testrules.CopyTree(t, "../../fixtures/seed", events)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncbuf.Buffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"check", "--watch", "--rules", rules, "--format", "text", "--quiet", events}, nil, &stdout, &stderr)
	}()
	runs := func() int { return strings.Count(stderr.String(), "watching ") }
	testrules.WaitFor(t, "the first report", func() bool { return runs() == 1 })
	if !strings.Contains(stdout.String(), "4 findings (4 high)") {
		t.Fatalf("first report:\n%s", stdout.String())
	}

	rule := filepath.Join(rules, "sanctions", "dprk", "arms_export", "arms_export.rego")
	src, _ := os.ReadFile(rule)
	os.WriteFile(rule, []byte(strings.Replace(string(src), "#   severity: high", "#   severity: critical", 1)), 0o644)
	testrules.WaitFor(t, "a report after the rule edit", func() bool { return runs() == 2 })
	if !strings.Contains(stdout.String(), "4 findings (2 critical, 2 high)") {
		t.Errorf("after the edit:\n%s", stdout.String())
	}

	os.WriteFile(rule, []byte(string(src)+"\nbroken {\n"), 0o644)
	testrules.WaitFor(t, "the broken rule's error", func() bool { return runs() == 3 })
	if !strings.Contains(stderr.String(), "the rules did not load:\n  "+rule+":") || !strings.Contains(stderr.String(), "exit status 2") {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	os.WriteFile(rule, src, 0o644)
	testrules.WaitFor(t, "a report after the fix", func() bool { return runs() == 4 })
	os.Remove(filepath.Join(events, "efe-2024-01-15.yaml"))
	os.WriteFile(filepath.Join(events, "one.yaml"), []byte(`id: only
type: meeting
date: 2024
summary: s
claims: [{status: reported, by: {country: US}}]
sources: [{id: s, publisher: p}]
evidence: [{quote: q, source: s}]
`), 0o644)
	testrules.WaitFor(t, "a report after the inputs changed", func() bool { return strings.Contains(stdout.String(), "1 event: 1 evaluated") })

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit status %d after Ctrl-C, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("check --watch did not stop")
	}
}

// TestRulesTestWatch: `rules test --watch` runs the rule tests again after an edit.
func TestRulesTestWatch(t *testing.T) {
	rules := filepath.Join(t.TempDir(), "rules")
	testrules.CopyTree(t, "../../rules", rules)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncbuf.Buffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"rules", "test", "--watch", "--rules", rules}, nil, &stdout, &stderr)
	}()
	runs := func() int { return strings.Count(stderr.String(), "watching ") }
	testrules.WaitFor(t, "the first test run", func() bool { return runs() == 1 })
	if !strings.Contains(stdout.String(), " 0 failed.") {
		t.Fatalf("first run:\n%s", stdout.String())
	}
	test := filepath.Join(rules, "sanctions", "dprk", "arms_export", "arms_export_test.rego")
	src, _ := os.ReadFile(test)
	os.WriteFile(test, []byte(string(src)+"\ntest_fails_on_purpose if {\n\tfalse\n}\n"), 0o644)
	testrules.WaitFor(t, "a test run after the edit", func() bool { return runs() == 2 })
	if !strings.Contains(stdout.String(), " 1 failed.") || !strings.Contains(stderr.String(), "exit status 1") {
		t.Errorf("after the edit:\n%s\n%s", stdout.String(), stderr.String())
	}
	cancel()
	<-done
}
