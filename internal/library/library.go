// Package library loads a rule library from directories at run time (or from the copy embedded
// in the binary): the Rego modules, the schemas and the data tables, checked and indexed, ready
// for the evaluator to compile and for the event validator to use.
//
// A library has this layout (see docs/writing-rules.md):
//
//	schema/event.json          the event schema: validates inputs, type-checks rules
//	schema/metadata.json       the vocabulary of the rules' METADATA: fields, categories, ...
//	schema/data/<table>.json   the schema of each data table
//	data/*.yaml|json           tables, loaded at data.sanctions.<file name>
//	sanctions/**/*.rego        rule packages, the shared libs, and their *_test.rego
//	sanctions/**/examples.yaml events each rule must and must not fire on
//
// The files are read in load.go; the Library and what it answers are here; the indexes derived
// from the tables are built in index.go, from tables checked against their schemas (tables.go,
// designations.go, exemptions.go hold the checks a schema cannot state, across fields and
// tables); metadata.go checks and completes the rules' METADATA.
package library

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// Library is a loaded rule library.
type Library struct {
	Sources    []string               // names of the sources, in order
	Modules    map[string]*ast.Module // rule and helper modules, by file name
	Tests      map[string]*ast.Module // *_test.rego modules, by file name
	Schema     map[string]any         // the event schema, decoded
	SchemaRaw  []byte                 // the event schema as written
	SchemaPath string                 // file name of the event schema
	Data       map[string]any         // the document at data.sanctions: tables, and "index"
	Countries  map[string]string      // country code, name or alias (as a phrase.Key) -> ISO code
	Examples   []File                 // examples.yaml files beside the rules
	Files      []string               // every file read, for watching
	Raw        map[string][]byte      // the source of every module, by file name (for bundles)
	Paths      map[string]string      // each module's path within its source: sanctions/lib/lib.rego
	// SetAside lists, with why, the rules left out of the library under Options.KeepGoing (or by
	// Drop). Its problems carry the rule id when the rule's METADATA could be read.
	SetAside diag.List

	ruleDirs     map[string]string   // file name -> its rule's directory; absent for shared files
	metadata     *checker            // schema/metadata.json
	tableSchemas map[string]*checker // table name -> schema/data/<table>.json
}

func newLibrary() *Library {
	return &Library{
		Modules:      map[string]*ast.Module{},
		Tests:        map[string]*ast.Module{},
		Data:         map[string]any{},
		Raw:          map[string][]byte{},
		Paths:        map[string]string{},
		ruleDirs:     map[string]string{},
		tableSchemas: map[string]*checker{},
	}
}

// ItemCategories lists the item categories the event schema allows, or nil when the schema
// does not say.
func (lib *Library) ItemCategories() []string {
	defs, _ := lib.Schema["definitions"].(map[string]any)
	item, _ := defs["item"].(map[string]any)
	props, _ := item["properties"].(map[string]any)
	cat, _ := props["category"].(map[string]any)
	enum, _ := cat["enum"].([]any)
	var out []string
	for _, e := range enum {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// RuleDir is the directory of the rule that the file at p (a path within its source) belongs
// to: sanctions/<regime>/<rule> for files below it, "" for shared files (sanctions/lib/...,
// a regime's sanctions/<regime>/lib/..., sanctions/findings.rego, data/, schema/).
func RuleDir(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) < 4 || parts[0] != "sanctions" || parts[1] == "lib" || parts[2] == "lib" {
		return ""
	}
	return path.Join(parts[:3]...)
}

// RuleDirOf is the directory (with its source's name) of the rule that a loaded file belongs
// to, or "" for a shared file.
func (lib *Library) RuleDirOf(file string) string { return lib.ruleDirs[file] }

// Drop takes the rule in directory dir (as RuleDirOf gives it) out of the library: its
// modules, tests and examples. why, the problems that made it go, is added to SetAside with the
// rule's id when its METADATA says it.
func (lib *Library) Drop(dir string, why diag.List) {
	id := ""
	for _, name := range lib.ModuleNames() {
		if lib.ruleDirs[name] == dir && id == "" {
			id = ruleIDOf(lib.Modules[name])
		}
	}
	for name, d := range lib.ruleDirs {
		if d != dir {
			continue
		}
		delete(lib.Modules, name)
		delete(lib.Tests, name)
		delete(lib.Raw, name)
		delete(lib.Paths, name)
	}
	examples := lib.Examples[:0]
	for _, f := range lib.Examples {
		if lib.ruleDirs[f.Name] != dir {
			examples = append(examples, f)
		}
	}
	lib.Examples = examples
	for _, p := range why {
		q := *p
		if q.RuleID == "" {
			q.RuleID = id
		}
		lib.SetAside = append(lib.SetAside, &q)
	}
	lib.SetAside.Sort()
}

// ModuleNames returns the file names of the modules, sorted.
func (lib *Library) ModuleNames() []string {
	return sortedkeys.Of(lib.Modules)
}

// ruleIDs is the set of the library's rule ids, or nil when a rule was set aside (its id may not
// be known).
func (lib *Library) ruleIDs() map[string]bool {
	if len(lib.SetAside) > 0 {
		return nil
	}
	ids := map[string]bool{}
	for _, m := range lib.Modules {
		if id := ruleIDOf(m); id != "" {
			ids[id] = true
		}
	}
	return ids
}

// Category is a category of rules, as the metadata schema lists it (custom.category): its name,
// its title and the colour the HTML report gives its findings.
type Category struct {
	Name   string
	Title  string
	Colour string
}

// customChoices are the oneOf choices of a custom field of the metadata schema (category, regime),
// in its order: each a {"const", "title", ...}.
func (lib *Library) customChoices(field string) []map[string]any {
	props := asMap(asMap(asMap(asMap(lib.metadata.raw["properties"])["custom"])["properties"])[field])
	var out []map[string]any
	for _, x := range asList(props["oneOf"]) {
		out = append(out, asMap(x))
	}
	return out
}

// Categories lists the rule categories of the metadata schema, in its order.
func (lib *Library) Categories() []Category {
	if lib.metadata == nil {
		return nil
	}
	var out []Category
	for _, c := range lib.customChoices("category") {
		name, _ := c["const"].(string)
		title, _ := c["title"].(string)
		colour, _ := c["x-colour"].(string)
		if name != "" {
			out = append(out, Category{Name: name, Title: title, Colour: colour})
		}
	}
	return out
}

// CategoryColours maps each rule category to its colour (for report.Options).
func (lib *Library) CategoryColours() map[string]string {
	out := map[string]string{}
	for _, c := range lib.Categories() {
		if c.Colour != "" {
			out[c.Name] = c.Colour
		}
	}
	return out
}

// CategoryTitles maps each rule category to its title, the label a report shows its readers in
// place of the category's name (for report.HTML's Labels).
func (lib *Library) CategoryTitles() map[string]string {
	out := map[string]string{}
	for _, c := range lib.Categories() {
		if c.Title != "" {
			out[c.Name] = c.Title
		}
	}
	return out
}

// Regimes are the regimes the metadata schema names (custom.regime), in its order.
func (lib *Library) Regimes() []string {
	if lib.metadata == nil {
		return nil
	}
	var out []string
	for _, c := range lib.customChoices("regime") {
		if name, _ := c["const"].(string); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// KeepRegimes takes the rules of every other regime out of the library (their modules, tests
// and examples; not as problems: the run was asked for these regimes only). The regimes' own
// helpers (sanctions/<regime>/lib) stay, as do the shared ones. A name the metadata schema does
// not list is an error naming those it does.
func (lib *Library) KeepRegimes(regimes []string) error {
	known := lib.Regimes()
	keep := map[string]bool{}
	for _, r := range regimes {
		r = strings.ToUpper(strings.TrimSpace(r))
		if !slices.Contains(known, r) {
			return fmt.Errorf("regime %q: the rule library has %s", r, strings.Join(known, ", "))
		}
		keep[r] = true
	}
	drop := map[string]bool{}
	for name, dir := range lib.ruleDirs {
		if parts := strings.Split(RuleDir(lib.Paths[name]), "/"); len(parts) == 3 && !keep[strings.ToUpper(parts[1])] {
			drop[dir] = true
		}
	}
	for dir := range drop {
		lib.Drop(dir, nil)
	}
	return nil
}
