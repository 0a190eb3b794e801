package extract

import (
	"fmt"
	"slices"
)

// use reads "Russia fired North Korean ballistic missiles", "a Russian strike ... a North
// Korean missile": the user received them from their maker. A state firing its own is a launch.
func (st *state) use(s *sentence, trigs []trigger, ti int, ta *event) *event {
	t := trigs[ti]
	user, hasUser := st.subject(s, t.i, trigs)
	if t.noun && t.i > 0 {
		if m, ok := s.mentionAt(t.i - 1); ok && m.isParty() {
			user, hasUser = m, true // "a Russian strike"
		}
	}
	origin, hasOrigin := st.originOf(s, t.items)
	if hasOrigin && (!hasUser || user.country != origin.country) && len(t.items) > 0 {
		e := st.newEvent("transfer", s, t, ": a state uses another's weapons")
		e.stage = "used"
		e.setSupplier(s, origin, ", who made the weapons")
		if hasUser {
			e.setRecipient(s, user, ", who used them")
		}
		if loc := st.after(s, t.i, "into", "at", "on", "in"); len(loc) > 0 && loc[0].country != e.recipient {
			e.location = loc[0].country
		}
		return e
	}
	if len(t.items) == 0 && !t.noun {
		// "had fired at least 20 of them": the event of the word before, if any.
		e := st.newEvent("transfer", s, t, ": the use of weapons named before")
		e.vague = true
		if hasUser {
			e.recipient = user.country
		}
		return e
	}
	if t.kind == "fire" && launchable(t.items) {
		return st.launch(s, t, ta)
	}
	return nil
}

// launchable says whether items are what a launch sends up: missiles, rockets, satellites.
func launchable(items []mention) bool {
	for _, it := range items {
		switch it.category {
		case "ballistic_missile", "cruise_missile", "space_launch_technology", "missile_technology", "military_equipment":
			return true
		}
	}
	return false
}

// launch reads "North Korea launched a satellite", "the launch of its first satellite".
func (st *state) launch(s *sentence, t trigger, ta *event) *event {
	t.items = slices.DeleteFunc(slices.Clone(t.items), func(m mention) bool { return !launchable([]mention{m}) })
	e := st.newEvent("launch", s, t, "")
	// "its"/"their" between the word and the item: the clause's subject, or who received help
	// for it.
	poss := false
	for k := t.i + t.n; k < len(s.toks) && k < t.i+t.n+4; k++ {
		if w := s.toks[k].w; w == "its" || w == "their" {
			poss = true
		}
	}
	switch {
	case poss && ta != nil && ta.recipient != "":
		e.operator = ta.recipient
		e.rules = append(e.rules, fmt.Sprintf("operator %s: 'its', who received the help for it", e.operator))
	case poss:
		for _, m := range s.ments {
			if m.isParty() && m.start < t.i {
				e.operator = m.country
				e.rules = append(e.rules, fmt.Sprintf("operator %s: 'its', the sentence's first party '%s'", m.country, s.span(m.start, m.end)))
				break
			}
		}
	case passive(s, t.i):
		// "the missile was launched (by X)": the subject is what was launched.
		if by := st.after(s, t.i, "by"); len(by) > 0 {
			e.operator = by[0].country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', after 'launched by'", e.operator, s.span(by[0].start, by[0].end)))
		} else if len(e.items) == 0 {
			e.vague = true // the launch told of before
		}
	default:
		if o, ok := st.originOf(s, t.items); ok {
			e.operator = o.country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', whose the items are", o.country, s.span(o.start, o.end)))
		} else if subj, ok := st.subject(s, t.i, nil); ok {
			e.operator = subj.country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', the subject", subj.country, s.span(subj.start, subj.end)))
		}
	}
	if t.anaphor && len(e.items) == 0 {
		e.vague = true
	}
	return e
}
