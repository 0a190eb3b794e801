package rules_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestOPATest runs the commands docs/writing-rules.md gives for running the Rego tests with the
// OPA CLI, as written there (only the bundle's file goes to a temporary directory), and requires
// opa test to pass every test of the library.
func TestOPATest(t *testing.T) {
	const bundleFile = "rules-tests.tar.gz"
	cmds := documentedCommands(t, "../docs/writing-rules.md", "go run ./cmd/sanctions bundle --tests", "go tool opa test --bundle")
	tmp := filepath.Join(t.TempDir(), bundleFile)
	var out []byte
	for _, line := range cmds {
		args := strings.Fields(strings.ReplaceAll(line, bundleFile, tmp))
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = ".." // the module root, where the documented commands run
		var err error
		if out, err = cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
	}
	want := 0
	for _, m := range testrules.Library(t).Tests {
		for _, r := range m.Rules {
			if strings.HasPrefix(r.Head.Ref().String(), "test_") {
				want++
			}
		}
	}
	if !bytes.Contains(out, []byte(fmt.Sprintf("PASS: %d/%d", want, want))) {
		t.Errorf("opa test does not pass all %d tests of the library:\n%s", want, out)
	}
}

// documentedCommands finds, in a Markdown file, the command lines that start with each prefix.
func documentedCommands(t *testing.T, file string, prefixes ...string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		for _, p := range prefixes {
			if strings.HasPrefix(line, p) && regexp.MustCompile(`^[\w ./-]+$`).MatchString(line) {
				found[p] = line
			}
		}
	}
	var out []string
	for _, p := range prefixes {
		if found[p] == "" {
			t.Fatalf("%s gives no command starting %q", file, p)
		}
		out = append(out, found[p])
	}
	return out
}
