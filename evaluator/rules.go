package evaluator

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sanctions-dev/sanctions/internal/diag"
)

// Rule is a rule package's metadata, as its METADATA block declares it.
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

// Categories of rules, as findings.md lists them.
var Categories = []string{"arms_embargo", "missile_programme", "technical_assistance", "scientific_cooperation",
	"sectoral", "maritime", "financial", "designation", "labour"}

var (
	ruleID  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`)
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// rulesOf finds the rule packages (those defining `finding`) and checks their metadata.
func rulesOf(c *ast.Compiler) ([]Rule, diag.List) {
	var rules []Rule
	var probs diag.List
	as := c.GetAnnotationSet()
	seenPkg := map[string]bool{}
	seenID := map[string]string{}
	names := make([]string, 0, len(c.Modules))
	for n := range c.Modules {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		m := c.Modules[name]
		if !definesFinding(m) {
			continue
		}
		pkg := m.Package.Path.String()
		if seenPkg[pkg] {
			continue // a package split over files: checked once
		}
		seenPkg[pkg] = true
		a := as.GetPackageScope(m.Package)
		if a == nil {
			probs = append(probs, &diag.Problem{File: name, Line: m.Package.Location.Row, Column: m.Package.Location.Col,
				Message: "rule package " + pkg + " has no package-scoped METADATA block (see docs/rules.md)"})
			continue
		}
		r, p := ruleFrom(a, pkg)
		probs = append(probs, p...)
		if r.ID != "" {
			if prev, dup := seenID[r.ID]; dup {
				probs = append(probs, problemAt(a, fmt.Sprintf("rule id %s is already used by %s", r.ID, prev)))
			}
			seenID[r.ID] = pkg
		}
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, probs
}

func definesFinding(m *ast.Module) bool {
	for _, r := range m.Rules {
		if len(r.Head.Args) == 0 && len(r.Head.Reference) == 1 && r.Head.Reference[0].Value.Compare(ast.Var("finding")) == 0 {
			return true
		}
	}
	return false
}

func problemAt(a *ast.Annotations, msg string) *diag.Problem {
	p := &diag.Problem{Message: msg}
	if a.Location != nil {
		p.File, p.Line, p.Column = a.Location.File, a.Location.Row, a.Location.Col
	}
	return p
}

// ruleFrom reads and checks a rule's metadata; the loader refuses a rule that lacks a field.
func ruleFrom(a *ast.Annotations, pkg string) (Rule, diag.List) {
	var probs diag.List
	bad := func(format string, args ...any) {
		probs = append(probs, problemAt(a, "METADATA of "+pkg+": "+fmt.Sprintf(format, args...)))
	}
	r := Rule{Title: a.Title, Description: a.Description, Package: pkg}
	if a.Location != nil {
		r.File, r.Line = a.Location.File, a.Location.Row
	}
	if r.Title == "" {
		bad("missing title")
	}
	if r.Description == "" {
		bad("missing description")
	}
	if len(a.Schemas) == 0 {
		bad("missing schemas (- input: schema.event)")
	}
	if len(a.RelatedResources) == 0 {
		bad("missing related_resources (the resolutions' URLs)")
	}
	for _, rr := range a.RelatedResources {
		r.Resources = append(r.Resources, Resource{Ref: rr.Ref.String(), Description: rr.Description})
	}
	custom := a.Custom
	str := func(k string) string {
		s, _ := custom[k].(string)
		if s == "" {
			bad("missing custom.%s", k)
		}
		return s
	}
	r.ID = str("id")
	if r.ID != "" && !ruleID.MatchString(r.ID) {
		bad("custom.id %q is not an id like DPRK-ARMS-EXPORT", r.ID)
	}
	r.Regime = str("regime")
	r.Category = str("category")
	if r.Category != "" && !contains(Categories, r.Category) {
		bad("custom.category %q is not one of %v", r.Category, Categories)
	}
	sev := str("severity")
	if sev != "" {
		if s, err := ParseSeverity(sev); err != nil {
			bad("custom.severity: %v", err)
		} else {
			r.Severity = s
		}
	}
	r.Deprecated, _ = custom["deprecated"].(bool)
	cites, ok := custom["citations"].([]any)
	if !ok || len(cites) == 0 {
		bad("missing custom.citations")
	}
	for i, x := range cites {
		c, ok := x.(map[string]any)
		if !ok {
			bad("custom.citations[%d] is not an object", i)
			continue
		}
		get := func(k string) string {
			s, _ := c[k].(string)
			if s == "" {
				bad("custom.citations[%d] lacks %s", i, k)
			}
			return s
		}
		cit := Citation{Resolution: get("resolution"), Paragraph: get("paragraph"), Summary: get("summary"), URL: get("url")}
		cit.Note, _ = c["note"].(string)
		checkConfirmation(c, &cit, func(msg string) { bad("custom.citations[%d]: %s", i, msg) })
		cit.InForce = get("in_force")
		cit.Until, _ = c["until"].(string)
		if cit.Until != "" && !isoDate.MatchString(cit.Until) {
			bad("custom.citations[%d].until %q is not a date like 2017-08-04 (quote it in YAML)", i, cit.Until)
		}
		if d := cit.InForce; d != "" && !isoDate.MatchString(d) {
			bad("custom.citations[%d].in_force %q is not a date like 2006-10-14 (quote it in YAML)", i, d)
		}
		for _, k := range []string{"covers", "excludes"} {
			if v, ok := c[k]; ok {
				if _, isList := v.([]any); !isList {
					bad("custom.citations[%d].%s is not a list of taxonomy groups", i, k)
				}
			}
		}
		if d, ok := c["direction"]; ok && d != "from_dprk" && d != "to_dprk" {
			bad("custom.citations[%d].direction %v is not from_dprk or to_dprk", i, d)
		}
		r.Citations = append(r.Citations, cit)
	}
	return r, probs
}

// UnconfirmedNote is the note, word for word, of every citation whose paragraph number has not
// been seen with the paragraph's text in the resolution or a faithful copy of it.
const UnconfirmedNote = "paragraph number not yet confirmed against the resolution text"

// confirmedSource is what a citation's `confirmed` names: the address of the page, or
// owner/repo:path of the file, where the paragraph's text was seen with its number.
var confirmedSource = regexp.MustCompile(`^(https?://\S+|[A-Za-z0-9][\w.-]*/[\w.-]+:\S+)$`)

// checkConfirmation reads a citation's `confirmed` and checks it against its note: a confirmed
// paragraph carries no "not yet confirmed" note, and a note about confirmation has the one
// wording every rule uses.
func checkConfirmation(c map[string]any, cit *Citation, bad func(string)) {
	if v, ok := c["confirmed"]; ok {
		s, _ := v.(string)
		switch {
		case s == "":
			bad("confirmed must name the source where the paragraph was seen (a URL or owner/repo:path)")
		case !confirmedSource.MatchString(s):
			bad(fmt.Sprintf("confirmed %q is not a URL or owner/repo:path", s))
		default:
			cit.Confirmed = s
		}
	}
	if cit.Note != UnconfirmedNote && strings.Contains(strings.ToLower(cit.Note), "confirm") {
		bad(fmt.Sprintf("note %q: an unconfirmed paragraph's note is exactly %q", cit.Note, UnconfirmedNote))
	}
	if cit.Confirmed != "" && cit.Note == UnconfirmedNote {
		bad("a citation with confirmed cannot also say " + UnconfirmedNote)
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
