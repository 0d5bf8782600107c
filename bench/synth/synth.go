// Package synth writes synthetic handbooks of any size, for benchmarks:
// N journeys of five stages (each with 3 actions, 2 thoughts, 2 pain
// points, 2 opportunities, 3 touchpoints, 1 metric and 4 blueprint layers)
// and a body of about 600 words, told by N/20 personas.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Stages are the five stage names every synthetic journey uses.
func Stages() []string {
	return []string{"Awareness", "Consideration", "Decision", "Retention", "Advocacy"}
}

// Personas is how many personas a handbook of n journeys has.
func Personas(n int) int { return max(1, n/20) }

// Write creates the handbook in dir (which must exist).
func Write(dir string, n int) error {
	if err := write(dir, "waymark.toml", fmt.Sprintf(
		"title = \"Synthetic handbook (%d journeys)\"\nbase_url = \"https://example.org/bench/\"\nstages = [\"Awareness\", \"Consideration\", \"Decision\", \"Retention\", \"Advocacy\"]\n", n)); err != nil {
		return err
	}
	for i := range Personas(n) {
		if err := write(dir, fmt.Sprintf("content/personas/persona-%04d.md", i), Persona(i)); err != nil {
			return err
		}
	}
	for i := range n {
		if err := write(dir, JourneyPath(i), Journey(i, n, "")); err != nil {
			return err
		}
	}
	return nil
}

// JourneyPath is the source path of journey i.
func JourneyPath(i int) string { return fmt.Sprintf("content/journeys/journey-%05d.md", i) }

// Persona is the text of persona i.
func Persona(i int) string {
	return fmt.Sprintf(`+++
name = "Persona %d"
role = "Customer segment %d"
segment = "%s"
quote = "I want it to just work."
goals = ["Finish quickly", "Pay a fair price"]
pain_points = ["Slow support", "Hidden fees"]
+++
Persona %d's story.
`, i, i, []string{"B2B", "B2C"}[i%2], i)
}

// Journey is the text of journey i of n; note is added to its body, so
// that a benchmark can change a journey.
func Journey(i, n int, note string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"Journey %d\"\npersona = \"persona-%04d\"\ntype = \"%s\"\n", i, i%Personas(n),
		[]string{"current-state", "future-state", "day-in-the-life", "service-blueprint"}[i%4])
	fmt.Fprintf(&b, "summary = \"How customers of segment %d get from first contact to advocacy.\"\nowner = \"Team %d\"\ntags = [\"tag-%d\", \"bench\"]\nlast_reviewed = 2026-10-01\n", i%7, i%5, i%10)
	for s, name := range Stages() {
		fmt.Fprintf(&b, "\n[[stage]]\nname = %q\ndescription = \"What happens at %s.\"\nemotion = %d\nfeeling = \"Feeling %d\"\n", name, strings.ToLower(name), 1+(i+s)%5, s)
		fmt.Fprintf(&b, "actions = [\"Action %d.1\", \"Action %d.2\", \"Action %d.3\"]\n", s, s, s)
		fmt.Fprintf(&b, "thoughts = [\"Thought %d.1\", \"Thought %d.2\"]\n", s, s)
		fmt.Fprintf(&b, "pain_points = [\"Pain %d.1\", { text = \"Pain %d.2\", owner = \"Support\", status = \"open\", severity = 2 }]\n", s, s)
		fmt.Fprintf(&b, "opportunities = [\"Idea %d.1\", { text = \"Idea %d.2\", owner = \"Product\", status = \"planned\" }]\n", s, s)
		fmt.Fprintf(&b, "drop_off = 0.%d\n", 1+(i+s)%4)
		for t := range 3 {
			fmt.Fprintf(&b, "\n  [[stage.touchpoint]]\n  name = \"Touchpoint %d\"\n  channel = \"%s\"\n  kind = \"%s\"\n  owner = \"Team %d\"\n", (s*3+t)%12,
				[]string{"Website", "Email", "Store"}[t], []string{"digital", "people", "product"}[t], t)
		}
		fmt.Fprintf(&b, "\n  [[stage.metric]]\n  name = \"Conversion\"\n  value = %d\n  target = 20\n  unit = \"%%\"\n", 10+(i+s)%20)
		b.WriteString("\n  [stage.blueprint]\n  evidence = [\"Receipt\"]\n  frontstage = [\"Agent answers\"]\n  backstage = [\"Ticket routed\"]\n  support = [\"CRM\"]\n")
	}
	b.WriteString("+++\n")
	for p := range 6 {
		fmt.Fprintf(&b, "\n## Finding %d\n\n", p+1)
		for range 5 {
			b.WriteString("Customers in this segment compare offers across several channels before they commit, and the research shows that clear prices, quick answers and honest delivery dates matter more than discounts. ")
		}
		b.WriteString("\n")
	}
	if note != "" {
		b.WriteString("\n" + note + "\n")
	}
	return b.String()
}

func write(dir, rel, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
