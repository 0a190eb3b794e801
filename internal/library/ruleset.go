// Package ruleset loads a rule library from directories at run time (or from the copy embedded
// in the binary): the Rego modules, the event JSON Schema and the data tables, checked and
// indexed, ready for the evaluator to compile and for the event validator to use.
//
// A library has this layout (see docs/rules.md):
//
//	schema/event.json          the event schema: validates inputs, type-checks rules
//	data/*.yaml|json           tables, loaded at data.sanctions.<file name>
//	sanctions/**/*.rego        rule packages, the shared lib, and their *_test.rego
//	sanctions/**/examples.yaml events each rule must and must not fire on
package library

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// SchemaFile is where a library keeps its event schema.
const SchemaFile = "schema/event.json"

// MaxFileSize bounds any one rule, schema or data file.
const MaxFileSize = 32 << 20

// Source is one place rules are read from: a directory (os.DirFS) or an embedded copy.
type Source struct {
	Name string // shown in file names of errors: "rules", "/tmp/my-rules", "(embedded)"
	FS   fs.FS
}

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

	ruleDirs map[string]string // file name -> its rule's directory; absent for shared files
}

// Options tune loading.
type Options struct {
	// KeepGoing sets aside a rule whose Rego does not parse (the rule's whole directory, see
	// RuleDir) and records why in Library.SetAside, instead of failing the load. Problems in
	// shared files (lib/, findings.rego, the schema, the data tables) still fail it: every rule
	// depends on them.
	KeepGoing bool
}

// File is a file's name and content.
type File struct {
	Name string
	Data []byte
}

// Load reads and checks the library from its sources. All problems found are returned
// together, each with its file and line.
func Load(ctx context.Context, sources ...Source) (*Library, error) {
	return LoadWith(ctx, Options{}, sources...)
}

// LoadWith is Load with options.
func LoadWith(ctx context.Context, opts Options, sources ...Source) (*Library, error) {
	lib := &Library{
		Modules:  map[string]*ast.Module{},
		Tests:    map[string]*ast.Module{},
		Data:     map[string]any{},
		Raw:      map[string][]byte{},
		Paths:    map[string]string{},
		ruleDirs: map[string]string{},
	}
	var probs diag.List
	unparsed := map[string]diag.List{} // rule directory -> parse errors of its files (KeepGoing)
	tables := map[string]*table{}
	broken := map[string]bool{} // tables that did not parse: reported once, not again as missing
	for _, src := range sources {
		lib.Sources = append(lib.Sources, src.Name)
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			name := path.Join(src.Name, p)
			if err != nil {
				probs = append(probs, &diag.Problem{File: name, Message: err.Error()})
				return nil
			}
			if d.IsDir() {
				if p != "." && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			kind := fileKind(p)
			if kind == "" {
				return nil
			}
			data, err := readFile(src.FS, p)
			if err != nil {
				probs = append(probs, &diag.Problem{File: name, Message: err.Error()})
				return nil
			}
			lib.Files = append(lib.Files, name)
			if dir := RuleDir(p); dir != "" {
				lib.ruleDirs[name] = path.Join(src.Name, dir)
			}
			switch kind {
			case "rego":
				m, err := ast.ParseModuleWithOpts(name, string(data), ast.ParserOptions{
					ProcessAnnotation: true,
					RegoVersion:       ast.RegoV1,
				})
				if err != nil {
					if dir := lib.ruleDirs[name]; opts.KeepGoing && dir != "" {
						unparsed[dir] = append(unparsed[dir], FromAST(err)...)
						return nil
					}
					probs = append(probs, FromAST(err)...)
					return nil
				}
				if strings.HasSuffix(p, "_test.rego") {
					lib.Tests[name] = m
				} else {
					lib.Modules[name] = m
					lib.Raw[name] = data
					lib.Paths[name] = p
				}
			case "schema":
				if lib.SchemaPath != "" {
					probs = append(probs, &diag.Problem{File: name, Message: "a second event schema; " + lib.SchemaPath + " is already loaded"})
					return nil
				}
				var s map[string]any
				if err := json.Unmarshal(data, &s); err != nil {
					probs = append(probs, &diag.Problem{File: name, Message: "invalid JSON: " + err.Error()})
					return nil
				}
				lib.Schema, lib.SchemaRaw, lib.SchemaPath = s, data, name
			case "data":
				t, prob := decodeTable(name, p, data)
				if prob != nil {
					probs = append(probs, prob)
					broken[tableName(p)] = true
					return nil
				}
				key := tableName(p)
				if prev, dup := tables[key]; dup {
					probs = append(probs, &diag.Problem{File: name, Message: fmt.Sprintf("data table %q is already loaded from %s", key, prev.file)})
					return nil
				}
				tables[key] = t
			case "examples":
				lib.Examples = append(lib.Examples, File{Name: name, Data: data})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading rules from %s: %w", src.Name, err)
		}
	}
	for _, dir := range sortedKeys(unparsed) {
		lib.Drop(dir, unparsed[dir])
	}
	if lib.SchemaPath == "" {
		probs = append(probs, &diag.Problem{File: strings.Join(lib.Sources, ", "), Message: "no event schema (" + SchemaFile + ") in the rule library"})
	}
	if len(lib.Modules) == 0 && len(lib.SetAside) == 0 {
		probs = append(probs, &diag.Problem{File: strings.Join(lib.Sources, ", "), Message: "no Rego modules in the rule library"})
	}
	probs = append(probs, lib.buildData(tables, broken)...)
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	return lib, nil
}

// buildData places every table at data.sanctions.<name> and derives the lookup indexes the
// rules use: data.sanctions.index.{countries, places, actors, phrases, max_words, starts, groups,
// designations, designated, imo}.
func (lib *Library) buildData(tables map[string]*table, broken map[string]bool) diag.List {
	var probs diag.List
	for name, t := range tables {
		lib.Data[name] = t.value
	}
	if _, taken := tables["index"]; taken {
		probs = append(probs, &diag.Problem{File: tables["index"].file, Message: `the table name "index" is reserved for the derived indexes`})
	}
	index := map[string]any{}
	if t, ok := tables["countries"]; ok {
		countries, places, p := indexCountries(t)
		probs = append(probs, p...)
		index["places"] = places
		lib.Countries = countries
		m := make(map[string]any, len(countries))
		for k, v := range countries {
			m[k] = v
		}
		index["countries"] = m
	} else if !broken["countries"] {
		probs = append(probs, &diag.Problem{File: strings.Join(lib.Sources, ", "), Message: "no countries table (data/countries.yaml) in the rule library"})
	}
	if t, ok := tables["taxonomy"]; ok {
		idx, p := indexTaxonomy(t, lib.ItemCategories())
		probs = append(probs, p...)
		m := make(map[string]any, len(idx.phrases))
		for k, v := range idx.phrases {
			m[k] = v
		}
		index["phrases"] = m
		index["max_words"] = json.Number(fmt.Sprint(idx.maxWords))
		starts := make(map[string]any, len(idx.starts))
		for k, ns := range idx.starts {
			list := make([]any, len(ns))
			for i, n := range ns {
				list[i] = map[string]any{"words": json.Number(fmt.Sprint(n))}
			}
			starts[k] = list
		}
		index["starts"] = starts

		index["groups"] = groupIndex(t)
	} else if !broken["taxonomy"] {
		probs = append(probs, &diag.Problem{File: strings.Join(lib.Sources, ", "), Message: "no item taxonomy (data/taxonomy.yaml) in the rule library"})
	}
	if t, ok := tables["designations"]; ok {
		idx, p := indexDesignations(t)
		probs = append(probs, p...)
		index["designations"] = idx.byName
		index["designated"] = idx.byRef
		index["imo"] = idx.byIMO
	} else {
		index["designations"] = map[string]any{}
		index["designated"] = map[string]any{}
		index["imo"] = map[string]any{}
	}
	if t, ok := tables["exemptions"]; ok {
		probs = append(probs, checkExemptions(t, lib.Countries, lib.ItemCategories(), lib.ruleIDs())...)
		lib.Data["exemptions"] = t.value
	} else {
		lib.Data["exemptions"] = []any{}
	}
	if t, ok := tables["training_fields"]; ok {
		probs = append(probs, checkPhraseLists(t)...)
	}
	if t, ok := tables["units"]; ok {
		probs = append(probs, checkUnits(t)...)
	}
	if t, ok := tables["actors"]; ok {
		actors, p := checkActors(t, lib.Countries)
		probs = append(probs, p...)
		index["actors"] = actors
	} else {
		index["actors"] = map[string]any{}
	}
	if t, ok := tables["extraction"]; ok {
		probs = append(probs, checkPhraseLists(t)...)
	}
	lib.Data["index"] = index
	return probs
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
// sanctions/findings.rego, data/, schema/).
func RuleDir(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) < 4 || parts[0] != "sanctions" || parts[1] == "lib" {
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

// ruleIDOf reads custom.id from a module's package-scoped METADATA, or "".
func ruleIDOf(m *ast.Module) string {
	for _, a := range m.Annotations {
		if a.Scope == "package" && a.Custom != nil {
			if id, ok := a.Custom["id"].(string); ok {
				return id
			}
		}
	}
	return ""
}

// ModuleNames returns the file names of the modules, sorted.
func (lib *Library) ModuleNames() []string {
	names := make([]string, 0, len(lib.Modules))
	for n := range lib.Modules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func fileKind(p string) string {
	base := path.Base(p)
	switch {
	case strings.HasSuffix(base, ".rego"):
		return "rego"
	case p == SchemaFile:
		return "schema"
	case strings.HasPrefix(p, "data/") && path.Dir(p) == "data" &&
		(strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".json")):
		return "data"
	case base == "examples.yaml" || base == "examples.yml":
		return "examples"
	}
	return ""
}

func tableName(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

func readFile(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes: refused", MaxFileSize)
	}
	return data, nil
}

func decodeTable(name, p string, data []byte) (*table, *diag.Problem) {
	t := &table{file: name}
	if strings.HasSuffix(p, ".json") {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		if err := d.Decode(&t.value); err != nil {
			return nil, &diag.Problem{File: name, Message: "invalid JSON: " + err.Error()}
		}
		return t, nil
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		line, msg := yamlvalue.SyntaxError(err)
		return nil, &diag.Problem{File: name, Line: line, Message: msg}
	}
	v, err := yamlvalue.Value(&n, yamlvalue.Limits{MaxDepth: 64, MaxNodes: 10_000_000})
	if err != nil {
		if e, ok := err.(*yamlvalue.Error); ok {
			return nil, &diag.Problem{File: name, Line: e.Line, Column: e.Column, Field: e.Path, Message: e.Msg}
		}
		return nil, &diag.Problem{File: name, Message: err.Error()}
	}
	t.value, t.node = v, &n
	return t, nil
}

// FromAST converts OPA's parse, compile and type errors to problems with file, line and column.
func FromAST(err error) diag.List {
	var out diag.List
	errs, ok := err.(ast.Errors)
	if !ok {
		var e *ast.Error
		if ae, ok2 := err.(*ast.Error); ok2 {
			e = ae
			errs = ast.Errors{e}
		} else {
			return diag.List{{Message: err.Error()}}
		}
	}
	for _, e := range errs {
		p := &diag.Problem{Message: e.Code + ": " + e.Message}
		if e.Location != nil {
			p.File, p.Line, p.Column = e.Location.File, e.Location.Row, e.Location.Col
		}
		out = append(out, p)
	}
	return out
}

// groupIndex maps each taxonomy group to its categories: {group: {category: true}}.
func groupIndex(t *table) map[string]any {
	out := map[string]any{}
	root, _ := t.value.(map[string]any)
	groups, _ := root["groups"].(map[string]any)
	for g := range groups {
		out[g] = map[string]any{}
	}
	cats, _ := root["categories"].(map[string]any)
	for c, v := range cats {
		entry, _ := v.(map[string]any)
		list, _ := entry["groups"].([]any)
		for _, g := range list {
			if name, ok := g.(string); ok {
				if m, ok := out[name].(map[string]any); ok {
					m[c] = true
				}
			}
		}
	}
	return out
}
