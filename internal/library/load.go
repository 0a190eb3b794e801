package library

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/filemode"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// SchemaFile is where a library keeps its event schema.
const SchemaFile = "schema/event.json"

// TableSchemaDir holds the schema of each data table: schema/data/<table>.json for
// data/<table>.yaml (or .json).
const TableSchemaDir = "schema/data"

// MaxFileSize bounds any one rule, schema or data file.
const MaxFileSize = 32 << 20

// Source is one place rules are read from: a directory (os.DirFS) or an embedded copy.
type Source struct {
	Name string // shown in file names of errors: "rules", "/tmp/my-rules", "(embedded)"
	FS   fs.FS
}

// Options tune loading.
type Options struct {
	// KeepGoing sets aside a rule whose Rego does not parse or whose METADATA is wrong (the
	// rule's whole directory, see RuleDir) and records why in Library.SetAside, instead of
	// failing the load. Problems in shared files (lib/, findings.rego, the schemas, the data
	// tables) still fail it: every rule depends on them.
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
	r := &reader{lib: newLibrary(), opts: opts, unparsed: map[string]diag.List{}, tables: map[string]*table{},
		broken: map[string]bool{}, schemas: map[string]File{}}
	for _, src := range sources {
		r.lib.Sources = append(r.lib.Sources, src.Name)
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			return r.visit(src, p, d, err)
		})
		if err != nil {
			return nil, fmt.Errorf("reading rules from %s: %w", src.Name, err)
		}
	}
	lib, probs := r.lib, r.probs
	for _, dir := range sortedkeys.Of(r.unparsed) {
		lib.Drop(dir, r.unparsed[dir])
	}
	everywhere := strings.Join(lib.Sources, ", ")
	if lib.SchemaPath == "" {
		probs = append(probs, &diag.Problem{File: everywhere, Message: "no event schema (" + SchemaFile + ") in the rule library"})
	}
	if lib.metadata == nil && !r.broken[MetadataSchemaFile] {
		probs = append(probs, &diag.Problem{File: everywhere, Message: "no rule metadata schema (" + MetadataSchemaFile + ") in the rule library"})
	}
	if len(lib.Modules) == 0 && len(lib.SetAside) == 0 {
		probs = append(probs, &diag.Problem{File: everywhere, Message: "no Rego modules in the rule library"})
	}
	if lib.metadata != nil {
		probs = append(probs, lib.setAsideOr(opts.KeepGoing, lib.checkRules())...)
	}
	probs = append(probs, lib.buildData(r.tables, r.broken)...)
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	return lib, nil
}

// setAsideOr returns probs, or under keepGoing drops the rules they are about and returns only
// the problems of shared files.
func (lib *Library) setAsideOr(keepGoing bool, probs diag.List) diag.List {
	if !keepGoing {
		return probs
	}
	var shared diag.List
	byDir := map[string]diag.List{}
	for _, p := range probs {
		if dir := lib.RuleDirOf(p.File); dir != "" {
			byDir[dir] = append(byDir[dir], p)
		} else {
			shared = append(shared, p)
		}
	}
	for _, dir := range sortedkeys.Of(byDir) {
		lib.Drop(dir, byDir[dir])
	}
	return shared
}

// reader is one load in progress.
type reader struct {
	lib      *Library
	opts     Options
	probs    diag.List
	unparsed map[string]diag.List // rule directory -> parse errors of its files (KeepGoing)
	tables   map[string]*table
	broken   map[string]bool // tables and schemas that did not parse: reported once, not again as missing
	schemas  map[string]File // table name -> its schema as read
}

// visit reads one file of a source.
func (r *reader) visit(src Source, p string, d fs.DirEntry, err error) error {
	lib := r.lib
	name := path.Join(src.Name, p)
	if err != nil {
		r.probs = append(r.probs, &diag.Problem{File: name, Message: err.Error()})
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
	if msg := regularInside(src.FS, p, d); msg != "" {
		r.probs = append(r.probs, &diag.Problem{File: name, Message: msg})
		return nil
	}
	data, err := readFile(src.FS, p)
	if err != nil {
		r.probs = append(r.probs, &diag.Problem{File: name, Message: err.Error()})
		return nil
	}
	lib.Files = append(lib.Files, name)
	if dir := RuleDir(p); dir != "" {
		lib.ruleDirs[name] = path.Join(src.Name, dir)
	}
	switch kind {
	case "rego":
		r.rego(name, p, data)
	case "schema":
		if lib.SchemaPath != "" {
			r.probs = append(r.probs, &diag.Problem{File: name, Message: "a second event schema; " + lib.SchemaPath + " is already loaded"})
			return nil
		}
		var s map[string]any
		if err := json.Unmarshal(data, &s); err != nil {
			r.probs = append(r.probs, &diag.Problem{File: name, Message: "invalid JSON: " + err.Error()})
			return nil
		}
		lib.Schema, lib.SchemaRaw, lib.SchemaPath = s, data, name
	case "metaschema":
		if lib.metadata != nil {
			r.probs = append(r.probs, &diag.Problem{File: name, Message: "a second rule metadata schema; " + lib.metadata.file + " is already loaded"})
			return nil
		}
		c, prob := compileSchema(name, p, data, metadataDefaults)
		if prob != nil {
			r.probs = append(r.probs, prob)
			r.broken[MetadataSchemaFile] = true
			return nil
		}
		lib.metadata = c
	case "tableschema":
		key := tableName(p)
		if prev, dup := r.schemas[key]; dup {
			r.probs = append(r.probs, &diag.Problem{File: name, Message: fmt.Sprintf("the schema of data table %q is already loaded from %s", key, prev.Name)})
			return nil
		}
		r.schemas[key] = File{Name: name, Data: data}
		c, prob := compileSchema(name, p, data, tableDefaults)
		if prob != nil {
			r.probs = append(r.probs, prob)
			r.broken[key] = true
			return nil
		}
		lib.tableSchemas[key] = c
	case "data":
		key := tableName(p)
		t, prob := decodeTable(name, p, data)
		if prob != nil {
			r.probs = append(r.probs, prob)
			r.broken[key] = true
			return nil
		}
		if prev, dup := r.tables[key]; dup {
			r.probs = append(r.probs, &diag.Problem{File: name, Message: fmt.Sprintf("data table %q is already loaded from %s", key, prev.file)})
			return nil
		}
		r.tables[key] = t
	case "examples":
		lib.Examples = append(lib.Examples, File{Name: name, Data: data})
	}
	return nil
}

// rego parses a module (with its METADATA) into the library's modules or tests.
func (r *reader) rego(name, p string, data []byte) {
	lib := r.lib
	m, err := ast.ParseModuleWithOpts(name, string(data), ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		if dir := lib.ruleDirs[name]; r.opts.KeepGoing && dir != "" {
			r.unparsed[dir] = append(r.unparsed[dir], FromAST(err)...)
			return
		}
		r.probs = append(r.probs, FromAST(err)...)
		return
	}
	if strings.HasSuffix(p, "_test.rego") {
		lib.Tests[name] = m
		return
	}
	lib.Modules[name] = m
	lib.Raw[name] = data
	lib.Paths[name] = p
}

// compileSchema decodes and compiles one of the library's JSON Schemas.
func compileSchema(name, p string, data []byte, defaults map[string]string) (*checker, *diag.Problem) {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &diag.Problem{File: name, Message: "invalid JSON: " + err.Error()}
	}
	c, err := newChecker(name, p, raw, defaults)
	if err != nil {
		return nil, &diag.Problem{File: name, Message: "not a usable JSON Schema: " + err.Error()}
	}
	return c, nil
}

func fileKind(p string) string {
	base := path.Base(p)
	dir := path.Dir(p)
	switch {
	case strings.HasSuffix(base, ".rego"):
		return "rego"
	case p == SchemaFile:
		return "schema"
	case p == MetadataSchemaFile:
		return "metaschema"
	case dir == TableSchemaDir && strings.HasSuffix(base, ".json"):
		return "tableschema"
	case dir == "data" && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".json")):
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

// regularInside says why the library must not read p, or "" when it may: only regular files
// are read (a FIFO would block the load, a device never end), and a symbolic link only when it
// resolves, link by link, to a regular file inside the same source (a data file linked to
// /etc/passwd would put that file's contents in findings).
func regularInside(fsys fs.FS, p string, d fs.DirEntry) string {
	mode := d.Type()
	for hops := 0; mode&fs.ModeSymlink != 0; hops++ {
		rl, ok := fsys.(fs.ReadLinkFS)
		if !ok || hops == 8 {
			return "a symbolic link that cannot be followed safely: refused (the library reads regular files only)"
		}
		target, err := rl.ReadLink(p)
		if err != nil {
			return "a symbolic link: " + err.Error()
		}
		next := path.Join(path.Dir(p), target)
		if path.IsAbs(target) || !fs.ValidPath(next) {
			return fmt.Sprintf("a symbolic link to %s, outside the rule library: refused", target)
		}
		for dir := path.Dir(next); dir != "."; dir = path.Dir(dir) {
			// A directory on the way that is itself a link could lead outside.
			if info, err := rl.Lstat(dir); err != nil || info.Mode()&fs.ModeSymlink != 0 {
				return fmt.Sprintf("a symbolic link to %s, through a linked directory: refused", target)
			}
		}
		info, err := rl.Lstat(next)
		if err != nil {
			return fmt.Sprintf("a symbolic link to %s: %v", target, err)
		}
		p, mode = next, info.Mode().Type()
	}
	if !mode.IsRegular() {
		return fmt.Sprintf("not a regular file (%s): refused (the library reads regular files only)", filemode.Describe(mode))
	}
	return ""
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
		var e *yamlvalue.Error
		if errors.As(err, &e) {
			return nil, &diag.Problem{File: name, Line: e.Line, Column: e.Column, Field: e.Path, Message: e.Msg}
		}
		return nil, &diag.Problem{File: name, Message: err.Error()}
	}
	t.value, t.node = v, &n
	return t, nil
}

// FromAST converts OPA's parse, compile and type errors to problems with file, line and column.
func FromAST(err error) diag.List {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		var e *ast.Error
		if !errors.As(err, &e) {
			return diag.List{{Message: err.Error()}}
		}
		errs = ast.Errors{e}
	}
	var out diag.List
	for _, e := range errs {
		p := &diag.Problem{Message: e.Code + ": " + e.Message}
		if e.Location != nil {
			p.File, p.Line, p.Column = e.Location.File, e.Location.Row, e.Location.Col
		}
		out = append(out, p)
	}
	return out
}
