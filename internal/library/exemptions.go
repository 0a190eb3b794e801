package library

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkExemptions checks the exemptions table and writes its countries as codes. An entry must
// name what was exempted, so that it cannot turn off more than that (the rules are in the table's
// header comment and docs/data.md): it lists the rules it turns off and names its source; its
// match names the event alone, or else the exempted organisation or supplier (supplier.name), the
// recipient (its country or name), the item categories and both ends of the period. Anything else
// is refused with its line. lib/exemptions.rego ignores an entry that lacks one of these, so a
// server that loads the table without this check cannot match more either.
//
// rules is the set of the library's rule ids, or nil when it is not known (a rule was set aside):
// the rule ids of the entries are then not checked.
func checkExemptions(t *table, countries map[string]string, categories []string, rules map[string]bool) diag.List {
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
		at := func(k ...string) []string { return append(append([]string{}, p...), k...) }
		e, ok := x.(map[string]any)
		if !ok {
			probs = append(probs, t.problem(p, false, "want {id, kind, basis, reference, source, rules, match}"))
			continue
		}
		for _, k := range sortedKeys(e) {
			switch k {
			case "id", "kind", "basis", "reference", "source", "note", "rules", "match":
			default:
				probs = append(probs, t.problem(at(k), true, "unknown key %q (want id, kind, basis, reference, source, note, rules, match)", k))
			}
		}
		id, _ := e["id"].(string)
		switch {
		case id == "":
			probs = append(probs, t.problem(p, false, "missing id"))
		case ids[id]:
			probs = append(probs, t.problem(at("id"), false, "exemption id %q is used twice", id))
		}
		ids[id] = true
		if k, _ := e["kind"].(string); k != "committee" && k != "humanitarian" {
			probs = append(probs, t.problem(at("kind"), false, "kind must be committee or humanitarian"))
		}
		if b, _ := e["basis"].(string); b == "" {
			probs = append(probs, t.problem(p, false, "missing basis (the paragraph that allows the exemption)"))
		}
		probs = append(probs, checkExemptionSource(t, at("source"), e["source"])...)
		probs = append(probs, checkExemptionRules(t, at("rules"), e["rules"], rules)...)
		m, ok := e["match"].(map[string]any)
		if !ok || len(m) == 0 {
			probs = append(probs, t.problem(at("match"), false, "want {event} or {supplier, recipient, categories, items, from, until}"))
			continue
		}
		probs = append(probs, checkExemptionMatch(t, at("match"), m, countries, allowedCat)...)
	}
	return probs
}

// checkExemptionSource: where the exemption can be read, {publisher, url, title, published}.
func checkExemptionSource(t *table, sp []string, v any) diag.List {
	if v == nil {
		return diag.List{t.problem(sp[:len(sp)-1], false, "no source: give {publisher, url} of the record of the exemption")}
	}
	s, ok := v.(map[string]any)
	if !ok {
		return diag.List{t.problem(sp, false, "want {publisher, url, title, published}")}
	}
	var probs diag.List
	for _, k := range sortedKeys(s) {
		kp := append(append([]string{}, sp...), k)
		str, _ := s[k].(string)
		switch k {
		case "publisher", "title":
			if str == "" {
				probs = append(probs, t.problem(kp, false, "want text"))
			}
		case "url":
			if !strings.HasPrefix(str, "https://") && !strings.HasPrefix(str, "http://") {
				probs = append(probs, t.problem(kp, false, "want an http(s) address"))
			}
		case "published":
			if !isoDate.MatchString(str) {
				probs = append(probs, t.problem(kp, false, "want a date like 2019-01-01 (quoted)"))
			}
		default:
			probs = append(probs, t.problem(kp, true, "unknown key %q (want publisher, url, title, published)", k))
		}
	}
	for _, k := range []string{"publisher", "url"} {
		if _, ok := s[k]; !ok {
			probs = append(probs, t.problem(sp, false, "source: missing %s", k))
		}
	}
	return probs
}

// checkExemptionRules: the rules an entry turns off, each a rule of the library.
func checkExemptionRules(t *table, rp []string, v any, rules map[string]bool) diag.List {
	if v == nil {
		return diag.List{t.problem(rp[:len(rp)-1], false, "no rules: list the rule ids the exemption turns off (an entry for any rule would exempt more than was granted)")}
	}
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return diag.List{t.problem(rp, false, "want a list of rule ids")}
	}
	var probs diag.List
	for j, r := range list {
		s, _ := r.(string)
		switch {
		case s == "":
			probs = append(probs, t.problem(append(append([]string{}, rp...), strconv.Itoa(j)), false, "want a rule id"))
		case rules != nil && !rules[s]:
			probs = append(probs, t.problem(append(append([]string{}, rp...), strconv.Itoa(j)), false, "%q is not the id of a rule of the library", s))
		}
	}
	return probs
}

// checkExemptionMatch checks a match: the event alone, or the exempted organisation, the
// recipient, the categories (with item phrases, optionally) and the period.
func checkExemptionMatch(t *table, mp []string, m map[string]any, countries map[string]string, allowedCat map[string]bool) diag.List {
	var probs diag.List
	at := func(k ...string) []string { return append(append([]string{}, mp...), k...) }
	for _, k := range sortedKeys(m) {
		switch k {
		case "event", "supplier", "recipient", "categories", "items", "from", "until":
		default:
			probs = append(probs, t.problem(at(k), true, "unknown key %q (want event, or supplier, recipient, categories, items, from, until)", k))
		}
	}
	if _, byEvent := m["event"]; byEvent {
		if s, _ := m["event"].(string); s == "" {
			probs = append(probs, t.problem(at("event"), false, "want an event id"))
		}
		if len(m) > 1 {
			probs = append(probs, t.problem(mp, true, "match by event alone, or by supplier, recipient, categories and period: not both"))
		}
		return probs
	}
	switch s, ok := m["supplier"].(map[string]any); {
	case m["supplier"] == nil:
		probs = append(probs, t.problem(mp, true, "no exempted organisation: name it (supplier: {name}) or the event (event: ID); without one the entry would exempt anyone's goods"))
	case !ok:
		probs = append(probs, t.problem(at("supplier"), false, "want {name, aliases, country}: the exempted organisation or supplier, by name"))
	default:
		probs = append(probs, checkExemptionParty(t, at("supplier"), s, countries, true)...)
	}
	switch r, ok := m["recipient"].(map[string]any); {
	case m["recipient"] == nil:
		probs = append(probs, t.problem(mp, true, "no recipient: give its country (recipient: {country}), and its name where the Committee names one"))
	case !ok:
		probs = append(probs, t.problem(at("recipient"), false, "want {country, name, aliases}"))
	default:
		probs = append(probs, checkExemptionParty(t, at("recipient"), r, countries, false)...)
	}
	switch cats, ok := m["categories"].([]any); {
	case m["categories"] == nil:
		probs = append(probs, t.problem(mp, true, "no categories: list the item categories the exemption covers"))
	case !ok || len(cats) == 0:
		probs = append(probs, t.problem(at("categories"), false, "want a list of item categories"))
	default:
		for j, c := range cats {
			if s, _ := c.(string); !allowedCat[s] {
				probs = append(probs, t.problem(at("categories", strconv.Itoa(j)), false, "%v is not an item category", c))
			}
		}
	}
	if v, has := m["items"]; has {
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			probs = append(probs, t.problem(at("items"), false, "want a list of phrases from the exempted items' descriptions"))
		}
		for j, x := range list {
			if s, _ := x.(string); phrase.Key(s) == "" {
				probs = append(probs, t.problem(at("items", strconv.Itoa(j)), false, "want a phrase with letters or digits"))
			}
		}
	}
	dates := map[string]string{}
	for _, k := range []string{"from", "until"} {
		v, has := m[k]
		s, _ := v.(string)
		switch {
		case !has:
			probs = append(probs, t.problem(mp, true, "open period: no %s; give both from and until, the dates the exemption runs between", k))
		case !isoDate.MatchString(s):
			probs = append(probs, t.problem(at(k), false, "want a date like 2019-01-01 (quoted)"))
		default:
			dates[k] = s
		}
	}
	if f, u := dates["from"], dates["until"]; f != "" && u != "" && f > u {
		probs = append(probs, t.problem(at("until"), false, "until (%s) is before from (%s)", u, f))
	}
	return probs
}

// checkExemptionParty checks the supplier or recipient of a match, {name, aliases, country}, and
// writes its country as a code. Every name must give the keys party names are matched by
// (NameKeys): one short word gives none.
func checkExemptionParty(t *table, pp []string, party map[string]any, countries map[string]string, needName bool) diag.List {
	var probs diag.List
	at := func(k ...string) []string { return append(append([]string{}, pp...), k...) }
	name := func(path []string, v any) {
		s, _ := v.(string)
		switch {
		case s == "":
			probs = append(probs, t.problem(path, false, "want a name"))
		case len(NameKeys(s)) == 0:
			probs = append(probs, t.problem(path, false, "%q cannot be matched: a name of one word needs four letters or more (give the full name)", s))
		}
	}
	for _, k := range sortedKeys(party) {
		switch k {
		case "name":
			name(at(k), party[k])
		case "aliases":
			list, ok := party[k].([]any)
			if !ok {
				probs = append(probs, t.problem(at(k), false, "want a list of names"))
				continue
			}
			for j, a := range list {
				name(at(k, strconv.Itoa(j)), a)
			}
		case "country":
			if countries == nil {
				continue // the countries table failed to load: reported once, there
			}
			s, _ := party[k].(string)
			code, ok := countries[phrase.Key(s)]
			if !ok {
				probs = append(probs, t.problem(at(k), false, "unknown country %q", s))
				continue
			}
			party[k] = code
		default:
			probs = append(probs, t.problem(at(k), true, "unknown key %q (want name, aliases, country)", k))
		}
	}
	_, named := party["name"]
	_, placed := party["country"]
	_, aliased := party["aliases"]
	switch {
	case needName && !named:
		probs = append(probs, t.problem(pp, false, "no name: name the exempted organisation or supplier; a country alone would exempt anyone's goods from it"))
	case !named && !placed:
		probs = append(probs, t.problem(pp, false, "want its country or its name"))
	case aliased && !named:
		probs = append(probs, t.problem(pp, false, "aliases without a name"))
	}
	return probs
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
