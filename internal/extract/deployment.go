package extract

import "slices"

// presence reads "North Korean workers operating in China and Laos", "troops stationed in
// Kursk": labour, or a deployment, in each state named.
func (st *state) presence(s *sentence, t trigger) *event {
	lx := st.x.lx
	typ, noun := "", -1
	for k := t.i - 1; k >= 0 && k >= t.i-4; k-- {
		if lx.has(s.toks, k, "labour") > 0 {
			typ, noun = "labour", k
			break
		}
		if lx.has(s.toks, k, "deployment") > 0 {
			typ, noun = "deployment", k
			break
		}
	}
	if typ == "" {
		return nil
	}
	e := st.newEvent(typ, s, t, " after '"+s.toks[noun].w+"'")
	e.items = nil
	for k := noun - 1; k >= 0 && k >= noun-4; k-- {
		if m, ok := s.mentionAt(k); ok && m.country != "" {
			e.setSupplier(s, m, ", whose "+s.toks[noun].w+" they are")
			break
		}
	}
	ce := s.clauseEnd(t.i)
	for _, m := range s.ments {
		if m.start > t.i && m.start < ce && m.country != "" && s.prepBefore(m) == "in" && m.country != e.supplier {
			if e.recipient == "" {
				e.setRecipient(s, m, ", where they are")
			} else if !slices.Contains(e.others, m.country) && m.country != e.recipient {
				e.others = append(e.others, m.country)
			}
		}
	}
	if e.recipient == "" {
		return nil
	}
	return e
}

// deploy reads "X deployed troops to Y".
func (st *state) deploy(s *sentence, trigs []trigger, ti int) *event {
	t := trigs[ti]
	e := st.newEvent("deployment", s, t, "")
	e.items = nil
	if subj, ok := st.subject(s, t.i, trigs); ok {
		e.setSupplier(s, subj, ", who deploys")
	}
	if to := st.after(s, t.i, "to", "in", "into"); len(to) > 0 {
		e.setRecipient(s, to[0], ", where the troops go")
	}
	return e
}
