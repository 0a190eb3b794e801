package extract

import "strings"

// technicalAssistance reads "Russian technical assistance", "X provided technical assistance to
// Y", "Y received technical help from X".
func (st *state) technicalAssistance(s *sentence, trigs []trigger, ti int) *event {
	t := trigs[ti]
	e := st.newEvent("technical_assistance", s, t, "")
	if t.i > 0 {
		if m, ok := s.mentionAt(t.i - 1); ok && m.isParty() {
			e.setSupplier(s, m, ", who gives the assistance")
		}
	}
	if from := st.after(s, t.i, "from"); e.supplier == "" && len(from) > 0 {
		e.setSupplier(s, from[0], ", after 'from'")
	}
	if to := st.after(s, t.i, "to"); len(to) > 0 {
		e.setRecipient(s, to[0], ", after 'to'")
	}
	// The verb before the phrase: "Russia had likely provided", "Kim's regime ... received".
	for k := ti - 1; k >= 0; k-- {
		v := trigs[k]
		if t.i-v.i > 6 || s.clauseStart(v.i) != s.clauseStart(t.i) {
			break
		}
		subj, ok := st.subject(s, v.i, trigs)
		if !ok {
			continue
		}
		switch v.kind {
		case "receive":
			if e.recipient == "" {
				e.setRecipient(s, subj, ", who received it")
			}
		case "transfer", "help":
			if e.supplier == "" {
				e.setSupplier(s, subj, ", who provided it")
			}
		}
	}
	// "for the launch": the launch drafted before.
	if k := t.i + t.n; k+1 < len(s.toks) && s.toks[k].w == "for" && s.toks[k+1].w == "the" {
		for j := k + 2; j < len(s.toks) && j <= k+4; j++ {
			if strings.HasPrefix(s.toks[j].w, "launch") {
				e.forLaunch = true
			}
		}
	}
	return e
}

// help reads "X helped Y (with ...)", between two states.
func (st *state) help(s *sentence, t trigger) *event {
	subj, ok := st.subject(s, t.i, nil)
	obj, ok2 := st.object(s, t.i, t.n)
	if !ok || !ok2 || subj.country == "" || obj.country == "" || subj.country == obj.country {
		return nil
	}
	e := st.newEvent("technical_assistance", s, t, ": one state helps another")
	e.setSupplier(s, subj, ", who helps")
	e.setRecipient(s, obj, ", who is helped")
	return e
}
