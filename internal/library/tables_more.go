package library

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// designationIndex is what the loader derives from the designations table: data.sanctions.index
// .designations (name key -> references), .designated (reference -> entry) and .imo (IMO number
// -> reference).
type designationIndex struct {
	byName, byRef, byIMO map[string]any
}

var (
	imoNumber  = regexp.MustCompile(`^\d{7}$`)
	unRefForm  = regexp.MustCompile(`^[A-Z]{2}[ie]\.\d{3}$`)
	designKeys = map[string]bool{
		"reference": true, "type": true, "name": true, "aliases": true, "former_names": true,
		"imo": true, "flag": true, "regime": true, "listed_on": true, "delisted_on": true,
		"country": true, "countries": true, "birth_dates": true, "measures": true, "basis": true,
		"comments": true, "source": true,
	}
)

// indexDesignations checks the designations table and indexes every name, alias and former
// name, in the forms of NameKeys, and every vessel's IMO number. Persons and entities carry
// their UN reference number (KPi.033, KPe.001); a vessel is identified by its IMO number and
// its reference is "IMO " and that number, which is not a UN reference number. Every entry
// names one of the table's sources.
func indexDesignations(t *table) (idx designationIndex, probs diag.List) {
	idx = designationIndex{byName: map[string]any{}, byRef: map[string]any{}, byIMO: map[string]any{}}
	root, ok := t.value.(map[string]any)
	if !ok {
		return idx, diag.List{t.problem(nil, false, "want {snapshot, regimes, sources, designations}")}
	}
	for k := range root {
		switch k {
		case "snapshot", "regimes", "note", "sources", "designations":
		default:
			probs = append(probs, t.problem([]string{k}, true, "unknown key %q (want snapshot, regimes, note, sources, designations)", k))
		}
	}
	if s, ok := root["snapshot"]; ok {
		if v, _ := s.(string); !isoDate.MatchString(v) {
			probs = append(probs, t.problem([]string{"snapshot"}, false, "want the date of the list, like 2025-11-18"))
		}
	}
	sources := map[string]bool{}
	srcList, ok := root["sources"].([]any)
	if !ok {
		probs = append(probs, t.problem([]string{"sources"}, true, "want a list of sources {id, title, url or repository and path, snapshot, retrieved}"))
	}
	for i, x := range srcList {
		p := []string{"sources", strconv.Itoa(i)}
		s, _ := x.(map[string]any)
		id, _ := s["id"].(string)
		switch {
		case id == "":
			probs = append(probs, t.problem(p, false, "want {id, title, url or repository and path, snapshot, retrieved}"))
			continue
		case sources[id]:
			probs = append(probs, t.problem(append(p, "id"), false, "source id %q is used twice", id))
		}
		sources[id] = true
		if title, _ := s["title"].(string); title == "" {
			probs = append(probs, t.problem(p, false, "source %s: missing title", id))
		}
		url, _ := s["url"].(string)
		repo, _ := s["repository"].(string)
		if url == "" && repo == "" {
			probs = append(probs, t.problem(p, false, "source %s: say where it is (url, or repository and path)", id))
		}
		for _, k := range []string{"snapshot", "retrieved"} {
			if v, ok := s[k]; ok {
				if d, _ := v.(string); !isoDate.MatchString(d) {
					probs = append(probs, t.problem(append(p, k), false, "want a date like 2025-11-18"))
				}
			}
		}
	}
	list, ok := root["designations"].([]any)
	if !ok {
		return idx, append(probs, t.problem([]string{"designations"}, true, "want a list of designations"))
	}
	refsByKey := map[string]map[string]bool{}
	for i, x := range list {
		p := []string{"designations", strconv.Itoa(i)}
		at := func(k string) []string { return append(append([]string{}, p...), k) }
		d, ok := x.(map[string]any)
		if !ok {
			probs = append(probs, t.problem(p, false, "want {reference, type, name, aliases, listed_on, source}"))
			continue
		}
		bad := false
		fail := func(path []string, key bool, format string, args ...any) {
			probs = append(probs, t.problem(path, key, format, args...))
			bad = true
		}
		for k := range d {
			if !designKeys[k] {
				fail(at(k), true, "unknown key %q", k)
			}
		}
		ref, _ := d["reference"].(string)
		name, _ := d["name"].(string)
		typ, _ := d["type"].(string)
		imo, hasIMO := d["imo"].(string)
		switch {
		case ref == "":
			fail(p, false, "missing reference")
		case idx.byRef[ref] != nil:
			fail(at("reference"), false, "reference %s is listed twice", ref)
		}
		if name == "" {
			fail(p, false, "missing name")
		}
		switch typ {
		case "individual", "entity":
			if ref != "" && !unRefForm.MatchString(ref) {
				fail(at("reference"), false, "%s is not a UN reference number like KPe.001", ref)
			}
			if _, ok := d["imo"]; ok {
				fail(at("imo"), true, "only a vessel has an IMO number")
			}
		case "vessel":
			switch {
			case !hasIMO || !imoNumber.MatchString(imo):
				fail(at("imo"), !hasIMO, "a vessel needs its IMO number: 7 digits, as a string")
			case !validIMO(imo):
				fail(at("imo"), false, "%s is not an IMO number: its check digit is wrong", imo)
			case ref != "IMO "+imo: // with unique references, this makes IMO numbers unique too
				fail(at("reference"), false, "a vessel's reference is \"IMO %s\" (vessels are identified by IMO number, not by a UN reference)", imo)
			}
		default:
			fail(at("type"), false, "type must be individual, entity or vessel")
		}
		for _, k := range []string{"listed_on", "delisted_on"} {
			v, ok := d[k]
			if !ok && k == "delisted_on" {
				continue
			}
			if s, _ := v.(string); !isoDate.MatchString(s) {
				fail(at(k), !ok, "want a date like 2009-04-24")
			}
		}
		if l, ok := d["listed_on"].(string); ok {
			if dl, ok := d["delisted_on"].(string); ok && dl < l {
				fail(at("delisted_on"), false, "delisted before it was listed")
			}
		}
		switch src, _ := d["source"].(string); {
		case src == "":
			fail(p, false, "missing source (the id of one of the table's sources)")
		case srcList != nil && !sources[src]:
			fail(at("source"), false, "source %q is not one of the table's sources", src)
		}
		for _, k := range []string{"country", "flag"} {
			if v, ok := d[k]; ok {
				if s, _ := v.(string); !countryCode.MatchString(s) {
					fail(at(k), false, "want an ISO 3166-1 alpha-2 code like KP")
				}
			}
		}
		names := []string{name}
		for _, k := range []string{"aliases", "former_names", "countries", "measures", "basis", "birth_dates"} {
			v, ok := d[k]
			if !ok {
				continue
			}
			items, ok := v.([]any)
			if !ok {
				fail(at(k), false, "want a list")
				continue
			}
			for j, it := range items {
				s, ok := it.(string)
				switch {
				case !ok || s == "":
					fail(append(at(k), strconv.Itoa(j)), false, "want a string")
				case k == "aliases" || k == "former_names":
					names = append(names, s)
				case k == "countries" && !countryCode.MatchString(s):
					fail(append(at(k), strconv.Itoa(j)), false, "want an ISO 3166-1 alpha-2 code like KP")
				}
			}
		}
		if bad {
			continue
		}
		idx.byRef[ref] = d
		if typ == "vessel" {
			idx.byIMO[imo] = ref
		}
		for _, n := range names {
			for _, k := range NameKeys(n) {
				if refsByKey[k] == nil {
					refsByKey[k] = map[string]bool{}
				}
				refsByKey[k][ref] = true
			}
		}
	}
	for k, refs := range refsByKey {
		list := make([]string, 0, len(refs))
		for r := range refs {
			list = append(list, r)
		}
		sort.Strings(list)
		out := make([]any, len(list))
		for i, r := range list {
			out[i] = r
		}
		idx.byName[k] = out
	}
	return idx, probs
}

// validIMO checks an IMO number's check digit: the sum of its first six digits, weighted 7
// down to 2, modulo 10.
func validIMO(s string) bool {
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(s[i]-'0') * (7 - i)
	}
	return sum%10 == int(s[6]-'0')
}

// NameKeys are the index keys of a designated name (see indexDesignations); the rules compute
// the same keys for a party's name (sanctions.lib.name_keys, kept in step by a test). The words
// of a name are normalised (NameWords); the keys are the words, the words run together (for
// "Son-hui" and "Sonhui"), the words sorted (for reordered names), and the words without their
// legal form ("Korea Mining Development Trading" for "... Corporation"); a name with a part in
// brackets is keyed with and without it. Names of one short word are not indexed: they would
// match too much.
func NameKeys(name string) []string {
	keys := nameKeys(name)
	if bare := brackets.ReplaceAllString(name, " "); bare != name {
		keys = append(keys, nameKeys(bare)...) // "Daedong Credit Bank (DCB)" is also "Daedong Credit Bank"
		sort.Strings(keys)
		keys = slices.Compact(keys)
	}
	return keys
}

var brackets = regexp.MustCompile(`\([^()]*\)`)

func nameKeys(name string) []string {
	ws := NameWords(name)
	if len(ws) == 0 || (len(ws) == 1 && len(ws[0]) < 4) || !slices.ContainsFunc(ws, func(w string) bool { return !legalForms[w] }) {
		return nil // one short word, or legal forms only ("Co. Ltd."): they would match too much
	}
	sorted := append([]string{}, ws...)
	sort.Strings(sorted)
	keys := []string{strings.Join(ws, " "), strings.Join(ws, ""), strings.Join(sorted, " ")}
	var bare []string
	for _, w := range ws {
		if !legalForms[w] {
			bare = append(bare, w)
		}
	}
	if len(bare) > 1 && len(bare) < len(ws) {
		keys = append(keys, strings.Join(bare, " "))
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}

// NameWords splits a name into normalised words: apostrophes of romanisation dropped
// ("Tanch'on" is "tanchon"), then the words of phrase.Words, with abbreviated legal forms
// written out ("Corp." is "corporation", "Co." "company", "Ltd." "limited").
func NameWords(name string) []string {
	ws := phrase.Words(apostrophes.Replace(name))
	for i, w := range ws {
		if full, ok := abbreviations[w]; ok {
			ws[i] = full
		}
	}
	return ws
}

var apostrophes = strings.NewReplacer("'", "", "\u2019", "", "\u2018", "", "`", "", "\u02bc", "")

// abbreviations are the short legal forms NameWords writes out; legalForms the full forms that a
// name's bare key leaves out. The Rego side has the same two tables (lib/unlist.rego).
var abbreviations = map[string]string{
	"corp": "corporation", "co": "company", "ltd": "limited", "inc": "incorporated",
	"intl": "international",
}

var legalForms = map[string]bool{
	"corporation": true, "company": true, "limited": true, "incorporated": true, "llc": true,
	"plc": true, "pte": true, "jsc": true, "gmbh": true,
}

// checkPhraseLists checks a table of lists of phrases (training_fields) and keys the phrases.
func checkPhraseLists(t *table) diag.List {
	root, ok := t.value.(map[string]any)
	if !ok {
		return diag.List{t.problem(nil, false, "want a mapping of measures to lists of phrases")}
	}
	var probs diag.List
	for _, k := range sortedKeys(root) {
		list, ok := root[k].([]any)
		if !ok {
			probs = append(probs, t.problem([]string{k}, false, "want a list of phrases"))
			continue
		}
		keyed := make([]any, 0, len(list))
		for i, x := range list {
			s, _ := x.(string)
			if phrase.Key(s) == "" {
				probs = append(probs, t.problem([]string{k, strconv.Itoa(i)}, false, "want a phrase"))
				continue
			}
			keyed = append(keyed, phrase.Key(s))
		}
		root[k] = keyed
	}
	return probs
}

// checkUnits checks the units table: numbers for every unit and factor.
func checkUnits(t *table) diag.List {
	root, ok := t.value.(map[string]any)
	if !ok {
		return diag.List{t.problem(nil, false, "want {barrels, tonnes, barrels_per_tonne}")}
	}
	var probs diag.List
	for _, section := range []string{"barrels", "tonnes", "barrels_per_tonne"} {
		m, ok := root[section].(map[string]any)
		if !ok {
			probs = append(probs, t.problem([]string{section}, true, "want a mapping of names to numbers"))
			continue
		}
		keyed := map[string]any{}
		for _, k := range sortedKeys(m) {
			if _, err := strconv.ParseFloat(fmt.Sprint(m[k]), 64); err != nil {
				probs = append(probs, t.problem([]string{section, k}, false, "want a number"))
				continue
			}
			if section == "barrels_per_tonne" {
				keyed[k] = m[k]
			} else {
				keyed[phrase.Key(k)] = m[k]
			}
		}
		root[section] = keyed
	}
	return probs
}

// ClaimantKinds are the kinds of claimant the event format allows (docs/events.md).
var ClaimantKinds = []string{"state", "state_entity", "company", "person", "vessel", "armed_group",
	"international_org", "media", "ngo", "unknown"}

// checkActors checks the actors table (for sanctions extract): {name: {country, kind, aliases,
// speaks_for_state}}, with known country codes and claimant kinds.
func checkActors(t *table, countries map[string]string) (map[string]any, diag.List) {
	root, ok := t.value.(map[string]any)
	if !ok {
		return nil, diag.List{t.problem(nil, false, "want a mapping of names to {country, kind, aliases}")}
	}
	var probs diag.List
	seen := map[string]string{}
	index := map[string]any{}
	for _, name := range sortedKeys(root) {
		e, ok := root[name].(map[string]any)
		if !ok {
			probs = append(probs, t.problem([]string{name}, false, "want {country, kind, aliases}"))
			continue
		}
		for _, k := range sortedKeys(e) {
			switch k {
			case "country", "kind", "aliases", "speaks_for_state":
			default:
				probs = append(probs, t.problem([]string{name, k}, true, "unknown key %q (want country, kind, aliases, speaks_for_state)", k))
			}
		}
		if c, ok := e["country"]; ok {
			code, _ := c.(string)
			if !countryCode.MatchString(code) || (countries != nil && countries[strings.ToLower(code)] != code) {
				probs = append(probs, t.problem([]string{name, "country"}, false, "%v is not a country code of the countries table", c))
			}
		}
		if k, _ := e["kind"].(string); !slices.Contains(ClaimantKinds, k) {
			probs = append(probs, t.problem([]string{name, "kind"}, false, "kind must be one of %s", strings.Join(ClaimantKinds, ", ")))
		}
		if b, ok := e["speaks_for_state"]; ok {
			if _, isBool := b.(bool); !isBool {
				probs = append(probs, t.problem([]string{name, "speaks_for_state"}, false, "want true or false"))
			}
		}
		names := []string{name}
		if a, ok := e["aliases"]; ok {
			list, ok := a.([]any)
			if !ok {
				probs = append(probs, t.problem([]string{name, "aliases"}, false, "want a list of names"))
			}
			for i, x := range list {
				s, ok := x.(string)
				if !ok || phrase.Key(s) == "" {
					probs = append(probs, t.problem([]string{name, "aliases", strconv.Itoa(i)}, false, "want a name"))
					continue
				}
				names = append(names, s)
			}
		}
		resolved := map[string]any{"name": name}
		if k, ok := e["kind"].(string); ok {
			resolved["kind"] = k
		}
		if c, ok := e["country"].(string); ok {
			resolved["country"] = c
		}
		for _, n := range names {
			k := phrase.Key(n)
			if prev, dup := seen[k]; dup && prev != name {
				probs = append(probs, t.problem([]string{name}, true, "%q is already a name of %s", n, prev))
			}
			seen[k] = name
			index[k] = resolved
		}
	}
	return index, probs
}
