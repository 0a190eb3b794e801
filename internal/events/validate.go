package events

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
	"github.com/sanctions-dev/sanctions/internal/yamlvalue"
)

// Validator checks events against the event schema and the rules of the format that a schema
// cannot say (calendar dates, source references, country names), and normalises country names
// to ISO codes. It is safe for concurrent use; duplicate ids are found by an IDs set.
type Validator struct {
	schema    *jsonschema.Schema
	raw       map[string]any    // the schema as written, to suggest field names
	countries map[string]string // phrase key -> ISO code
}

// NewValidator compiles the event schema. countries maps a name or alias, as a phrase key, to
// its ISO code (see library.Library.Countries).
func NewValidator(schemaFile string, schema map[string]any, countries map[string]string) (*Validator, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "date-prefix", Validate: validateDatePrefix})
	if err := c.AddResource(schemaFile, schema); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaFile, err)
	}
	s, err := c.Compile(schemaFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", schemaFile, err)
	}
	return &Validator{schema: s, raw: schema, countries: countries}, nil
}

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// validateDatePrefix accepts YYYY, YYYY-MM and YYYY-MM-DD that name a real year, month or day.
func validateDatePrefix(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	layout, ok := layouts[len(s)]
	if !ok || !datePrefix.MatchString(s) {
		return fmt.Errorf("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if _, err := time.Parse(layout, s); err != nil {
		return fmt.Errorf("not a real date (want YYYY, YYYY-MM or YYYY-MM-DD)")
	}
	return nil
}

// Check validates ev and normalises its country names in place. It returns every problem found,
// each with the line and column of the field.
func (v *Validator) Check(ev *Event) diag.List {
	yearsAsDates(ev.Doc)
	if err := v.schema.Validate(any(ev.Doc)); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return v.schemaProblems(ev, ve)
		}
		return diag.List{v.problem(ev, nil, false, err.Error())}
	}
	var probs diag.List
	ev.ID, _ = ev.Doc["id"].(string)
	ev.Type, _ = ev.Doc["type"].(string)
	ev.Date, _ = ev.Doc["date"].(string)
	ev.EndDate, _ = ev.Doc["end_date"].(string)
	ev.Summary, _ = ev.Doc["summary"].(string)
	if ev.EndDate != "" && bound(ev.EndDate, false) < bound(ev.Date, true) {
		probs = append(probs, v.problem(ev, []string{"end_date"}, false,
			fmt.Sprintf("end_date %s is before date %s", ev.EndDate, ev.Date)))
	}
	probs = append(probs, v.checkSources(ev)...)
	probs = append(probs, v.normaliseCountries(ev)...)
	probs.Sort()
	return probs
}

// yearsAsDates reads a bare year (YAML's date: 2023, a number) as the date prefix "2023".
func yearsAsDates(doc map[string]any) {
	fix := func(m map[string]any, key string) {
		if n, ok := m[key].(json.Number); ok && len(n) == 4 {
			if _, err := strconv.Atoi(string(n)); err == nil {
				m[key] = string(n)
			}
		}
	}
	fix(doc, "date")
	fix(doc, "end_date")
	sources, _ := doc["sources"].([]any)
	for _, s := range sources {
		if m, ok := s.(map[string]any); ok {
			fix(m, "published")
		}
	}
}

// bound completes a partial date to its first day (first) or its last: 2016 is 2016-01-01 to
// 2016-12-31, 2016-05 is 2016-05-01 to 2016-05-31 (a later day than any of May's, for ordering).
func bound(d string, first bool) string {
	ofYear, ofMonth := "-12-31", "-31"
	if first {
		ofYear, ofMonth = "-01-01", "-01"
	}
	switch len(d) {
	case 4:
		return d + ofYear
	case 7:
		return d + ofMonth
	}
	return d
}

func (v *Validator) problem(ev *Event, path []string, key bool, msg string) *diag.Problem {
	l, c := ev.Locate(path, key)
	return &diag.Problem{File: ev.Pos.File, Line: l, Column: c, EventID: ev.ID, Field: yamlvalue.PathString(path), Message: msg}
}

// checkSources checks that source ids are unique and that every reference resolves.
func (v *Validator) checkSources(ev *Event) diag.List {
	var probs diag.List
	ids := map[string]bool{}
	sources, _ := ev.Doc["sources"].([]any)
	for i, s := range sources {
		id, _ := s.(map[string]any)["id"].(string)
		if ids[id] {
			probs = append(probs, v.problem(ev, []string{"sources", strconv.Itoa(i), "id"}, false, fmt.Sprintf("source id %q is given twice", id)))
		}
		ids[id] = true
	}
	known := make([]string, 0, len(ids))
	for id := range ids {
		known = append(known, id)
	}
	sort.Strings(known)
	for _, list := range []string{"evidence", "claims"} {
		entries, _ := ev.Doc[list].([]any)
		for i, e := range entries {
			ref, ok := e.(map[string]any)["source"].(string)
			if ok && !ids[ref] {
				probs = append(probs, v.problem(ev, []string{list, strconv.Itoa(i), "source"}, false,
					fmt.Sprintf("source %q is not one of the event's sources (%s)", ref, strings.Join(known, ", "))))
			}
		}
	}
	return probs
}

// normaliseCountries replaces every country name or alias by its ISO code.
func (v *Validator) normaliseCountries(ev *Event) diag.List {
	var probs diag.List
	fix := func(party any, path []string) {
		p, ok := party.(map[string]any)
		if !ok {
			return
		}
		name, ok := p["country"].(string)
		if !ok {
			return
		}
		code, ok := v.countries[phrase.Key(name)]
		if !ok {
			probs = append(probs, v.problem(ev, append(path, "country"), false,
				fmt.Sprintf("unknown country %q: give an ISO 3166-1 alpha-2 code, or add the name to rules/data/countries.yaml", name)))
			return
		}
		p["country"] = code
	}
	fix(ev.Doc["supplier"], []string{"supplier"})
	fix(ev.Doc["recipient"], []string{"recipient"})
	fix(ev.Doc["location"], []string{"location"})
	parties, _ := ev.Doc["parties"].([]any)
	for i, p := range parties {
		fix(p, []string{"parties", strconv.Itoa(i)})
	}
	claims, _ := ev.Doc["claims"].([]any)
	for i, c := range claims {
		if m, ok := c.(map[string]any); ok {
			fix(m["by"], []string{"claims", strconv.Itoa(i), "by"})
		}
	}
	return probs
}

var printer = message.NewPrinter(language.English)

// schemaProblems turns a schema validation error into one problem per failing field.
func (v *Validator) schemaProblems(ev *Event, top *jsonschema.ValidationError) diag.List {
	var probs diag.List
	seen := map[string]bool{}
	add := func(p *diag.Problem) {
		k := p.Field + "\x00" + p.Message
		if !seen[k] {
			seen[k] = true
			probs = append(probs, p)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		path := e.InstanceLocation
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			for _, prop := range k.Properties {
				msg := fmt.Sprintf("unknown field %q", prop)
				if s := suggest(prop, v.allowedKeys(path)); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				} else if allowed := v.allowedKeys(path); len(allowed) > 0 {
					msg += " (allowed: " + strings.Join(allowed, ", ") + ")"
				}
				add(v.problem(ev, append(append([]string{}, path...), prop), true, msg))
			}
			return
		case *kind.Required:
			for _, m := range k.Missing {
				add(v.problem(ev, path, false, fmt.Sprintf("missing required field %q%s", m, requiredWhy(ev, path, m))))
			}
			return
		case *kind.AnyOf:
			var alts []string
			for _, c := range e.Causes {
				if r, ok := c.ErrorKind.(*kind.Required); ok {
					alts = append(alts, r.Missing...)
				}
			}
			if len(alts) == len(e.Causes) && len(alts) > 0 {
				add(v.problem(ev, path, false, "needs at least one of "+strings.Join(quoteAll(alts), " or ")))
				return
			}
		case *kind.Type:
			add(v.problem(ev, path, false, fmt.Sprintf("want %s, got %s", strings.Join(k.Want, " or "), k.Got)))
			return
		case *kind.Enum:
			add(v.problem(ev, path, false, fmt.Sprintf("%v is not one of %s", display(k.Got), enumList(k.Want))))
			return
		case *kind.Format:
			add(v.problem(ev, path, false, fmt.Sprintf("%v: %v", display(k.Got), k.Err)))
			return
		case *kind.Pattern:
			add(v.problem(ev, path, false, fmt.Sprintf("%v does not match %s", display(k.Got), k.Want)))
			return
		}
		if len(e.Causes) == 0 {
			add(v.problem(ev, path, false, e.ErrorKind.LocalizedString(printer)))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(top)
	probs.Sort()
	return probs
}

// requiredWhy explains a conditional requirement: supplier and recipient are required for some
// event types only.
func requiredWhy(ev *Event, path []string, field string) string {
	if len(path) != 0 {
		return ""
	}
	switch field {
	case "supplier", "recipient", "items":
		if t, ok := ev.Doc["type"].(string); ok {
			return " (events of type " + t + " need it)"
		}
	}
	return ""
}

func display(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func enumList(want []any) string {
	s := make([]string, len(want))
	for i, w := range want {
		s[i] = fmt.Sprint(w)
	}
	return strings.Join(s, ", ")
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Quote(x)
	}
	return out
}

// allowedKeys lists the fields the schema declares for the object at path.
func (v *Validator) allowedKeys(path []string) []string {
	s := v.raw
	for _, step := range path {
		s = v.deref(s)
		if props, ok := s["properties"].(map[string]any); ok {
			if next, ok := props[step].(map[string]any); ok {
				s = next
				continue
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			if _, err := strconv.Atoi(step); err == nil {
				s = items
				continue
			}
		}
		return nil
	}
	s = v.deref(s)
	props, _ := s["properties"].(map[string]any)
	return sortedkeys.Of(props)
}

func (v *Validator) deref(s map[string]any) map[string]any {
	for i := 0; i < 10; i++ {
		ref, ok := s["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/") {
			return s
		}
		node := any(v.raw)
		for _, part := range strings.Split(ref[2:], "/") {
			m, _ := node.(map[string]any)
			node = m[part]
		}
		next, ok := node.(map[string]any)
		if !ok {
			return s
		}
		s = next
	}
	return s
}

// suggest returns the allowed key closest to a misspelled one, when it is close.
func suggest(got string, allowed []string) string {
	best, bestD := "", 3
	for _, a := range allowed {
		if d := levenshtein.ComputeDistance(got, a); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// IDs finds duplicate event ids across a run, in little memory: a million ids take about 30 MB
// (the ids' bytes in one arena, an index by hash, and where each was first seen). It is not safe
// for concurrent use: call it in input order.
type IDs struct {
	byHash map[uint64]int32   // hash of an id -> its entry
	more   map[uint64][]int32 // further entries whose ids share a hash (rare)
	arena  []byte             // the ids, one after the other
	start  []uint32           // entry -> offset of its id in the arena; the id ends where the next starts
	where  []uint64           // entry -> file index << 32 | line
	files  []string
	fileIx map[string]uint32
}

// NewIDs starts an empty set.
func NewIDs() *IDs {
	return &IDs{byHash: map[uint64]int32{}, more: map[uint64][]int32{}, fileIx: map[string]uint32{}}
}

func (ids *IDs) id(e int32) string {
	end := uint32(len(ids.arena))
	if int(e)+1 < len(ids.start) {
		end = ids.start[e+1]
	}
	return string(ids.arena[ids.start[e]:end])
}

func (ids *IDs) find(h uint64, id string) (int32, bool) {
	if e, ok := ids.byHash[h]; ok {
		if ids.id(e) == id {
			return e, true
		}
		for _, e := range ids.more[h] {
			if ids.id(e) == id {
				return e, true
			}
		}
	}
	return 0, false
}

// Add records ev's id, or returns the problem when an earlier event has it.
func (ids *IDs) Add(ev *Event) *diag.Problem {
	h := fnv64(ev.ID)
	if e, dup := ids.find(h, ev.ID); dup {
		w := ids.where[e]
		first := Position{File: ids.files[w>>32], Line: int(uint32(w))}
		l, c := ev.Locate([]string{"id"}, false)
		return &diag.Problem{File: ev.Pos.File, Line: l, Column: c, EventID: ev.ID, Field: "id",
			Message: fmt.Sprintf("duplicate event id %q: first used at %s", ev.ID, first)}
	}
	fi, ok := ids.fileIx[ev.Pos.File]
	if !ok {
		fi = uint32(len(ids.files))
		ids.files = append(ids.files, ev.Pos.File)
		ids.fileIx[ev.Pos.File] = fi
	}
	e := int32(len(ids.start))
	ids.start = append(ids.start, uint32(len(ids.arena)))
	ids.arena = append(ids.arena, ev.ID...)
	ids.where = append(ids.where, uint64(fi)<<32|uint64(uint32(ev.Pos.Line)))
	if _, taken := ids.byHash[h]; taken {
		ids.more[h] = append(ids.more[h], e)
	} else {
		ids.byHash[h] = e
	}
	return nil
}

// fnv64 is FNV-1a, 64 bits.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
