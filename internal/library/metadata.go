package library

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sanctions-dev/sanctions/internal/diag"
)

// MetadataSchemaFile is where a library keeps the schema of its rules' METADATA: the required
// fields, the id pattern, the categories (with their colours), severities, regimes, citation
// fields, directions and date formats.
const MetadataSchemaFile = "schema/metadata.json"

// metadataDefaults are the messages of failures the metadata schema has no words for.
var metadataDefaults = map[string]string{
	"required":             "missing {at}",
	"additionalProperties": `{parent}: unknown key "{key}" (want {known})`,
	"":                     "{at}: {problem}",
}

// rulePackage is a rule package (one that defines `finding`) and its package-scoped METADATA.
type rulePackage struct {
	file   string // the module that defines `finding`
	module *ast.Module
	pkg    string           // data.sanctions.dprk.arms_export
	meta   *ast.Annotations // nil when the package has no package-scoped METADATA
}

// rulePackages lists the rule packages, each once, by the file name of their first module.
func (lib *Library) rulePackages() []rulePackage {
	var out []rulePackage
	seen := map[string]bool{}
	names := lib.ModuleNames()
	for _, name := range names {
		m := lib.Modules[name]
		pkg := m.Package.Path.String()
		if seen[pkg] || !IsRule(m) {
			continue
		}
		seen[pkg] = true
		r := rulePackage{file: name, module: m, pkg: pkg}
		for _, other := range names { // a package may be split over files: its METADATA is in one
			if o := lib.Modules[other]; o.Package.Path.Equal(m.Package.Path) && r.meta == nil {
				r.meta = packageAnnotation(o)
			}
		}
		out = append(out, r)
	}
	return out
}

// IsRule says whether a module is (part of) a rule package: it defines `finding`.
func IsRule(m *ast.Module) bool {
	for _, r := range m.Rules {
		if len(r.Head.Args) == 0 && len(r.Head.Reference) == 1 && r.Head.Reference[0].Value.Compare(ast.Var("finding")) == 0 {
			return true
		}
	}
	return false
}

func packageAnnotation(m *ast.Module) *ast.Annotations {
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			return a
		}
	}
	return nil
}

// checkRules checks the METADATA of every rule package against the metadata schema, after
// completing it with what the loader derives: the regime from the rule's folder and the
// related_resources from its citations (see deriveRegime, relatedResources). A METADATA that
// declares them must agree. The completed METADATA is what the compiled rules see
// (rego.metadata.chain()) and what the evaluator reads its rules from.
func (lib *Library) checkRules() diag.List {
	var probs diag.List
	seenID := map[string]string{}
	for _, r := range lib.rulePackages() {
		if r.meta == nil {
			loc := r.module.Package.Location
			probs = append(probs, &diag.Problem{File: r.file, Line: loc.Row, Column: loc.Col,
				Message: "rule package " + r.pkg + " has no package-scoped METADATA block (see docs/writing-rules.md)"})
			continue
		}
		probs = append(probs, lib.checkRule(r)...)
		if id, ok := r.meta.Custom["id"].(string); ok && id != "" {
			if prev, dup := seenID[id]; dup {
				probs = append(probs, problemAt(r.meta, fmt.Sprintf("rule id %s is already used by %s", id, prev)))
			}
			seenID[id] = r.pkg
		}
	}
	return probs
}

// checkRule completes and checks one rule's METADATA.
func (lib *Library) checkRule(r rulePackage) diag.List {
	a := r.meta
	var probs diag.List
	bad := func(msg string) { probs = append(probs, problemAt(a, "METADATA of "+r.pkg+": "+msg)) }
	custom := maps.Clone(a.Custom)
	if custom == nil {
		custom = map[string]any{}
	}
	regime, why := lib.deriveRegime(r)
	if why != "" {
		bad(why)
	}
	if declared, ok := custom["regime"]; ok && regime != "" && declared != regime {
		bad(fmt.Sprintf("custom.regime %s disagrees with the rule's folder, whose regime is %s (leave it out: the loader derives it)", display(declared), regime))
	}
	if regime != "" {
		custom["regime"] = regime
	}
	resources, disagree := relatedResources(a.RelatedResources, custom["citations"])
	for _, msg := range disagree {
		bad(msg)
	}
	doc := map[string]any{"custom": custom}
	for k, v := range map[string]string{"title": a.Title, "description": a.Description} {
		if v != "" {
			doc[k] = v
		}
	}
	if len(a.Schemas) > 0 {
		var list []any
		for _, s := range a.Schemas {
			target := "(an inline schema)"
			if s.Schema != nil {
				target = s.Schema.String()
			}
			list = append(list, map[string]any{s.Path.String(): target})
		}
		doc["schemas"] = list
	}
	var rr []any
	for _, res := range resources {
		entry := map[string]any{"ref": res.Ref.String()}
		if res.Description != "" {
			entry["description"] = res.Description
		}
		rr = append(rr, entry)
	}
	if rr != nil {
		doc["related_resources"] = rr
	}
	if lib.metadata != nil {
		for _, e := range lib.metadata.check(asJSON(doc)) {
			bad(e.message)
		}
	}
	if len(probs) == 0 {
		a.Custom, a.RelatedResources = custom, resources
	}
	return probs
}

// deriveRegime is a rule's regime, read from its folder, sanctions/<regime>/<rule>/: the
// folder's name in capitals (the rules in sanctions/dprk/ are of the DPRK regime; the metadata
// schema lists the regimes a library may have). The rules read it the same way, from their
// package, sanctions.<regime>.<rule> (lib.finding): the two must agree. why says what is wrong.
func (lib *Library) deriveRegime(r rulePackage) (regime, why string) {
	var fromPkg string
	if p := r.module.Package.Path; len(p) > 2 {
		if s, ok := p[2].Value.(ast.String); ok {
			fromPkg = string(s)
		}
	}
	folder := fromPkg
	if dir := RuleDir(lib.Paths[r.file]); dir != "" {
		folder = strings.Split(dir, "/")[1]
		if fromPkg != folder {
			return "", fmt.Sprintf("package %s is in the folder %s: a rule's package is sanctions.<regime>.<rule>, after its folder sanctions/<regime>/<rule>", r.pkg, dir)
		}
	}
	if folder == "" {
		return "", "no regime: a rule lives in sanctions/<regime>/<rule>/ with the package sanctions.<regime>.<rule>"
	}
	return strings.ToUpper(folder), ""
}

// relatedResources derives a rule's related_resources from its citations: each document a
// citation's url names, once, in the order of the resolutions' numbers (the order of their
// adoption), described as S/RES/<resolution>. A METADATA may still declare related_resources,
// to add a document no citation names (a presidential statement, a list) or to order them
// otherwise: its list is then used as written, each cited document's description filled in
// when it gives none. It must name every cited document, with the description derived: else
// the messages in disagree say where they differ.
func relatedResources(declared []*ast.RelatedResourceAnnotation, citations any) (out []*ast.RelatedResourceAnnotation, disagree []string) {
	type cited struct {
		ref    url.URL
		desc   string
		number int
	}
	var derived []cited
	byRef := map[string]cited{}
	for _, x := range asList(citations) {
		c := asMap(x)
		res, _ := c["resolution"].(string)
		u, _ := c["url"].(string)
		ref, err := url.Parse(u)
		if res == "" || u == "" || err != nil {
			continue // the metadata schema says what is missing
		}
		if _, dup := byRef[ref.String()]; dup {
			continue
		}
		number, err := strconv.Atoi(strings.Fields(res)[0])
		if err != nil {
			number = int(^uint(0) >> 1) // not numbered: after the resolutions
		}
		d := cited{ref: *ref, desc: "S/RES/" + res, number: number}
		byRef[ref.String()] = d
		derived = append(derived, d)
	}
	slices.SortStableFunc(derived, func(a, b cited) int { return a.number - b.number })
	if len(declared) == 0 {
		for _, d := range derived {
			out = append(out, &ast.RelatedResourceAnnotation{Ref: d.ref, Description: d.desc})
		}
		return out, nil
	}
	named := map[string]bool{}
	for _, rr := range declared {
		res := *rr
		if d, ok := byRef[rr.Ref.String()]; ok {
			switch res.Description {
			case "":
				res.Description = d.desc
			case d.desc:
			default:
				disagree = append(disagree, fmt.Sprintf("related_resources: %s is described as %q, its citations make it %q (leave it out: the loader derives it)", rr.Ref.String(), rr.Description, d.desc))
			}
		}
		named[rr.Ref.String()] = true
		out = append(out, &res)
	}
	for _, d := range derived {
		if !named[d.ref.String()] {
			disagree = append(disagree, fmt.Sprintf("related_resources lacks %s, which a citation names (leave related_resources out: the loader derives it from the citations)", d.ref.String()))
		}
	}
	return out, disagree
}

// asJSON is v as JSON gives it: METADATA is YAML, in which an unquoted date is a time.
func asJSON(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

func problemAt(a *ast.Annotations, msg string) *diag.Problem {
	p := &diag.Problem{Message: msg}
	if a.Location != nil {
		p.File, p.Line, p.Column = a.Location.File, a.Location.Row, a.Location.Col
	}
	return p
}

// ruleIDOf reads custom.id from a module's package-scoped METADATA, or "".
func ruleIDOf(m *ast.Module) string {
	if a := packageAnnotation(m); a != nil {
		id, _ := a.Custom["id"].(string)
		return id
	}
	return ""
}
