package report

import (
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
)

// TestGitHubEscapes: a message escapes %, CR and LF; a property escapes : and , as well, so an
// annotation is always one line that GitHub reads as it was meant.
func TestGitHubEscapes(t *testing.T) {
	for _, tc := range []struct {
		name string
		rep  func() *Report
		want string
	}{
		{"rejected event", func() *Report {
			r := New(nil)
			r.Add(evaluator.Verdict{Rejected: diag.List{{File: "in/a,b:c.yaml", Line: 3, Message: "100% bad\r\nYAML"}}})
			return r
		}, "::error file=in/a%2Cb%3Ac.yaml,line=3,title=sanctions%3A input rejected::in/a,b:c.yaml:3: 100%25 bad%0D%0AYAML\n"},
		{"no place", func() *Report {
			r := New(nil)
			r.AddError(&diag.Problem{Message: "boom"})
			return r
		}, "::error title=sanctions%3A error::boom\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			if err := (GitHub{}).Render(&b, tc.rep()); err != nil {
				t.Fatal(err)
			}
			got, group, _ := strings.Cut(b.String(), "::group::sanctions: ")
			if got != tc.want || !strings.HasSuffix(group, "\n::endgroup::\n") {
				t.Errorf("got  %q\nwant %q and the group", b.String(), tc.want)
			}
		})
	}
}
