package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMetadataChainReadOncePerEvent: rego.metadata.chain() builds the rule's whole annotation
// chain, citations and all, each time it is called. A rule may call it to build its finding
// (once per finding) or in its package rule `chain` (once per event); a helper called on every
// candidate event takes `chain` instead. Calling it there made every event 14% slower.
func TestMetadataChainReadOncePerEvent(t *testing.T) {
	allowed := regexp.MustCompile(`(\w+\.finding\(\s*rego\.metadata\.chain\(\)|^chain := rego\.metadata\.chain\(\)$)`)
	files, _ := filepath.Glob("sanctions/*/*/*.rego")
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for i, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") || !strings.Contains(line, "rego.metadata.chain()") {
				continue
			}
			checked++
			if !allowed.MatchString(strings.TrimSpace(line)) {
				t.Errorf("%s:%d: rego.metadata.chain() outside a finding call: use the package rule `chain := rego.metadata.chain()`", f, i+1)
			}
		}
	}
	if checked < 18 {
		t.Fatalf("only %d calls of rego.metadata.chain() seen in %d files: is the glob right?", checked, len(files))
	}
}
