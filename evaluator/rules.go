package evaluator

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// Rule is a rule package's metadata: its METADATA block as the loader checked it against the
// library's schema/metadata.json and completed it (the regime from the rule's folder, the
// related resources from its citations).
type Rule struct {
	ID          string     `json:"id"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Regime      string     `json:"regime"`
	Category    string     `json:"category"`
	Severity    Severity   `json:"severity"`
	Citations   []Citation `json:"citations"`
	Resources   []Resource `json:"related_resources"`
	Deprecated  bool       `json:"deprecated,omitempty"`
	Package     string     `json:"package"` // data.sanctions.dprk.arms_export
	File        string     `json:"file"`
	Line        int        `json:"line"`
}

// Resource is a related document: a resolution on the UN documents site.
type Resource struct {
	Ref         string `json:"ref"`
	Description string `json:"description,omitempty"`
}

// UnconfirmedNote is the note, word for word, of every citation whose paragraph number has not
// been seen with the paragraph's text in the resolution or a faithful copy of it (the metadata
// schema holds the same words).
const UnconfirmedNote = "paragraph number not yet confirmed against the resolution text"

// rulesOf reads the rule packages (those defining `finding`) from the compiled library, sorted
// by id. The loader has checked their METADATA; what can still be wrong is a severity the schema
// allows and the checker cannot rank.
func rulesOf(c *ast.Compiler) ([]Rule, diag.List) {
	var rules []Rule
	var probs diag.List
	as := c.GetAnnotationSet()
	seen := map[string]bool{}
	for _, name := range sortedkeys.Of(c.Modules) {
		m := c.Modules[name]
		pkg := m.Package.Path.String()
		if !library.IsRule(m) || seen[pkg] {
			continue // a package split over files is read once
		}
		seen[pkg] = true
		a := as.GetPackageScope(m.Package)
		if a == nil {
			continue // the loader refuses it
		}
		r := ruleFrom(a, pkg)
		if _, err := ParseSeverity(string(r.Severity)); err != nil {
			p := &diag.Problem{File: r.File, Line: r.Line, Message: fmt.Sprintf("METADATA of %s: custom.severity: %v", pkg, err)}
			if a.Location != nil {
				p.Column = a.Location.Col
			}
			probs = append(probs, p)
		}
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, probs
}

// ruleFrom reads a rule's checked METADATA.
func ruleFrom(a *ast.Annotations, pkg string) Rule {
	r := Rule{Title: a.Title, Description: a.Description, Package: pkg, ID: str(a.Custom, "id"),
		Regime: str(a.Custom, "regime"), Category: str(a.Custom, "category"), Severity: Severity(str(a.Custom, "severity"))}
	if a.Location != nil {
		r.File, r.Line = a.Location.File, a.Location.Row
	}
	r.Deprecated, _ = a.Custom["deprecated"].(bool)
	for _, rr := range a.RelatedResources {
		r.Resources = append(r.Resources, Resource{Ref: rr.Ref.String(), Description: rr.Description})
	}
	cites, _ := a.Custom["citations"].([]any)
	for _, x := range cites {
		c, _ := x.(map[string]any)
		r.Citations = append(r.Citations, Citation{Resolution: str(c, "resolution"), Paragraph: str(c, "paragraph"),
			Summary: str(c, "summary"), URL: str(c, "url"), Note: str(c, "note"), InForce: str(c, "in_force"),
			Until: str(c, "until"), Confirmed: str(c, "confirmed")})
		if k, ok := c["contested"].(map[string]any); ok {
			r.Citations[len(r.Citations)-1].Contested = strings.TrimSpace(str(k, "by") + " " + str(k, "note"))
		}
	}
	return r
}
