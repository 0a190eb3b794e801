package extract

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// wordQuantityRE matches a number written in words before an item: "hundreds of thousands of".
var wordQuantityRE = regexp.MustCompile(`(?i)(hundreds of thousands|tens of thousands|thousands|hundreds|dozens)\s+of\s+$`)

// quantityPattern matches a number that ends the text before an item, with a word that
// qualifies it before it (qualifiers) and a multiplier and a unit after it (units): "more than
// 30,000 tonnes of".
func quantityPattern(qualifiers, units []string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(` + alternatives(qualifiers) + `)?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|thousand|billion)?\s*(` +
		alternatives(units) + `)?\s*(?:of\s+)?$`)
}

// alternatives is the part of a regular expression that matches any of the phrases, the longest
// first.
func alternatives(phrases []string) string {
	ps := slices.Clone(phrases)
	slices.SortFunc(ps, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	for i, p := range ps {
		ps[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(ps, "|")
}

// addItems turns item mentions into items: adjacent mentions are one item ("Hwasong-11
// ballistic missile", "air defence missile systems"), described from the state they come from
// to their head noun, with any quantity before them.
func (st *state) addItems(e *event, s *sentence, ms []mention) {
	slices.SortFunc(ms, func(a, b mention) int { return a.start - b.start })
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].start == ms[j-1].end && !s.toks[ms[j].start].comma() {
			j++
		}
		group := ms[i:j]
		it := &item{generic: true}
		for _, m := range group {
			if !st.x.lx.generic[m.category] {
				if it.category == "" || it.generic {
					it.category = m.category
				}
				it.generic = false
			} else if it.category == "" {
				it.category = m.category
			}
		}
		start, end := group[0].start, group[len(group)-1].end
		if o, ok := s.origin(group[0]); ok && o.end >= start-2 {
			start = o.start
		}
		for end < len(s.toks) && st.x.lx.listed(s.toks[end].w, "head_noun") && !s.toks[end].comma() {
			if m, ok := s.mentionAt(end); ok && m.isItem() && !st.x.lx.generic[m.category] {
				break // "Lexus vehicles": the vehicles are not a second category
			}
			end++
		}
		qstart := start
		if k := start - 1; k >= 0 && determiners[s.toks[k].w] {
			it.anaphor = true
			if s.toks[k].w == "such" {
				it.such = true
				qstart = k
			}
		}
		it.desc = s.span(start, end)
		before := s.text[:s.toks[qstart].start]
		if m := st.x.lx.quantity.FindStringSubmatch(before); m != nil && len(before)-len(m[0]) >= 0 {
			v, _ := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
			switch strings.ToLower(m[3]) {
			case "thousand":
				v *= 1e3
			case "million":
				v *= 1e6
			case "billion":
				v *= 1e9
			}
			q := &Quantity{Value: v, Qualifier: st.x.lx.qualifiers[strings.ToLower(m[1])]}
			if m[4] != "" && !st.x.lx.listed(strings.ToLower(m[4]), "quantity_container") {
				q.Unit = strings.ToLower(m[4])
			}
			if q.Qualifier == "" {
				q.Qualifier = "exact"
			}
			if v > 0 && !strings.HasPrefix(strings.TrimSpace(m[0]), "$") {
				it.quantity = q
				it.anaphor = false
			}
		} else if m := wordQuantityRE.FindStringSubmatch(before); m != nil {
			v := map[string]float64{"hundreds of thousands": 100000, "tens of thousands": 10000, "thousands": 1000, "hundreds": 100, "dozens": 24}[strings.ToLower(m[1])]
			it.quantity = &Quantity{Value: v, Qualifier: "more_than"}
			it.desc = strings.TrimSpace(m[0]) + " " + it.desc
		}
		e.items = append(e.items, it)
		e.rules = append(e.rules, fmt.Sprintf("item '%s': the taxonomy places '%s' in %s", it.desc, group[0].key, it.category))
		i = j
	}
	for _, it := range e.items {
		if it.quantity != nil {
			e.quantity = true
		}
	}
}
