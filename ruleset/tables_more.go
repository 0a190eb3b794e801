package ruleset

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkExemptions checks the exemptions table and replaces country names by their codes.
func checkExemptions(t *table, countries map[string]string, categories []string) diag.List {
	var probs diag.List
	list, ok := t.value.([]any)
	if !ok {
		if t.value == nil {
			t.value = []any{}
			return nil
		}
		return diag.List{t.problem(nil, false, "want a list of exemptions")}
	}
	allowedCat := map[string]bool{}
	for _, c := range categories {
		allowedCat[c] = true
	}
	ids := map[string]bool{}
	for i, x := range list {
		p := []string{strconv.Itoa(i)}
		e, ok := x.(map[string]any)
		if !ok {
			probs = append(probs, t.problem(p, false, "want {id, kind, basis, match}"))
			continue
		}
		for _, k := range sortedKeys(e) {
			switch k {
			case "id", "kind", "basis", "reference", "note", "rules", "match":
			default:
				probs = append(probs, t.problem(append(p, k), true, "unknown key %q (want id, kind, basis, reference, note, rules, match)", k))
			}
		}
		id, _ := e["id"].(string)
		switch {
		case id == "":
			probs = append(probs, t.problem(p, false, "missing id"))
		case ids[id]:
			probs = append(probs, t.problem(append(p, "id"), false, "exemption id %q is used twice", id))
		}
		ids[id] = true
		if k, _ := e["kind"].(string); k != "committee" && k != "humanitarian" {
			probs = append(probs, t.problem(append(p, "kind"), false, "kind must be committee or humanitarian"))
		}
		if b, _ := e["basis"].(string); b == "" {
			probs = append(probs, t.problem(p, false, "missing basis (the paragraph that allows the exemption)"))
		}
		if r, ok := e["rules"]; ok {
			if _, isList := r.([]any); !isList {
				probs = append(probs, t.problem(append(p, "rules"), false, "want a list of rule ids"))
			}
		}
		m, ok := e["match"].(map[string]any)
		if !ok || len(m) == 0 {
			probs = append(probs, t.problem(append(p, "match"), false, "want {event} or any of {supplier, recipient, categories, from, until}"))
			continue
		}
		mp := append(p, "match")
		for _, k := range sortedKeys(m) {
			kp := append(append([]string{}, mp...), k)
			switch k {
			case "event":
				if s, _ := m[k].(string); s == "" {
					probs = append(probs, t.problem(kp, false, "want an event id"))
				}
			case "supplier", "recipient":
				if countries == nil {
					continue // the countries table failed to load: reported once, there
				}
				s, _ := m[k].(string)
				code, ok := countries[phrase.Key(s)]
				if !ok {
					probs = append(probs, t.problem(kp, false, "unknown country %q", s))
					continue
				}
				m[k] = code
			case "categories":
				cats, ok := m[k].([]any)
				if !ok {
					probs = append(probs, t.problem(kp, false, "want a list of item categories"))
					continue
				}
				for j, c := range cats {
					if s, _ := c.(string); !allowedCat[s] {
						probs = append(probs, t.problem(append(kp, strconv.Itoa(j)), false, "%v is not an item category", c))
					}
				}
			case "from", "until":
				if s, _ := m[k].(string); !isoDate.MatchString(s) {
					probs = append(probs, t.problem(kp, false, "want a date like 2019-01-01 (quoted)"))
				}
			default:
				probs = append(probs, t.problem(kp, true, "unknown key %q (want event, supplier, recipient, categories, from, until)", k))
			}
		}
		if _, byEvent := m["event"]; byEvent && len(m) > 1 {
			probs = append(probs, t.problem(mp, false, "match by event or by supplier, recipient, categories and dates, not both"))
		}
	}
	return probs
}

// indexDesignations checks the designations table and indexes every name and alias, in three
// forms that absorb the variants reports use: the words ("choe son hui"), the words run together
// ("choesonhui", for "Son-hui" and "Sonhui"), and the words sorted (for reordered names).
func indexDesignations(t *table) (byName map[string]any, byRef map[string]any, probs diag.List) {
	byName, byRef = map[string]any{}, map[string]any{}
	root, ok := t.value.(map[string]any)
	if !ok {
		return nil, nil, diag.List{t.problem(nil, false, "want {source, regimes, designations}")}
	}
	list, ok := root["designations"].([]any)
	if !ok {
		return nil, nil, diag.List{t.problem([]string{"designations"}, true, "want a list of designations")}
	}
	refsByKey := map[string]map[string]bool{}
	for i, x := range list {
		p := []string{"designations", strconv.Itoa(i)}
		d, ok := x.(map[string]any)
		if !ok {
			probs = append(probs, t.problem(p, false, "want {reference, type, name, aliases, listed_on}"))
			continue
		}
		ref, _ := d["reference"].(string)
		name, _ := d["name"].(string)
		listed, _ := d["listed_on"].(string)
		typ, _ := d["type"].(string)
		switch {
		case ref == "":
			probs = append(probs, t.problem(p, false, "missing reference"))
			continue
		case byRef[ref] != nil:
			probs = append(probs, t.problem(append(p, "reference"), false, "reference %s is listed twice", ref))
			continue
		case name == "":
			probs = append(probs, t.problem(p, false, "missing name"))
			continue
		case !isoDate.MatchString(listed):
			probs = append(probs, t.problem(append(p, "listed_on"), false, "want a date like 2009-04-24"))
			continue
		case typ != "individual" && typ != "entity":
			probs = append(probs, t.problem(append(p, "type"), false, "type must be individual or entity"))
			continue
		}
		byRef[ref] = d
		names := []string{name}
		if aliases, ok := d["aliases"].([]any); ok {
			for _, a := range aliases {
				if s, ok := a.(string); ok {
					names = append(names, s)
				}
			}
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
		byName[k] = out
	}
	return byName, byRef, probs
}

// NameKeys are the index keys of a designated name (see indexDesignations); the rules compute
// the same keys for a party's name (sanctions.lib.name_keys). Names of one short word are not
// indexed: they would match too much.
func NameKeys(name string) []string {
	ws := phrase.Words(name)
	if len(ws) == 0 || (len(ws) == 1 && len(ws[0]) < 4) {
		return nil
	}
	sorted := append([]string{}, ws...)
	sort.Strings(sorted)
	keys := []string{strings.Join(ws, " "), strings.Join(ws, ""), strings.Join(sorted, " ")}
	sort.Strings(keys)
	return slices.Compact(keys)
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
func checkActors(t *table, countries map[string]string) diag.List {
	root, ok := t.value.(map[string]any)
	if !ok {
		return diag.List{t.problem(nil, false, "want a mapping of names to {country, kind, aliases}")}
	}
	var probs diag.List
	seen := map[string]string{}
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
		for _, n := range names {
			k := phrase.Key(n)
			if prev, dup := seen[k]; dup && prev != name {
				probs = append(probs, t.problem([]string{name}, true, "%q is already a name of %s", n, prev))
			}
			seen[k] = name
		}
	}
	return probs
}
