package plan

import (
	"io"

	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/hub"
)

// KindMatrix is the personas × journeys matrix (matrix/); every
// journey's row is in matrix/matrix.csv.
const KindMatrix = "matrix"

func matrixView(p *Planner) {
	p.hubView(KindMatrix, "matrix/", 0)
	if p.hubOn() && p.Has(KindMatrix) {
		p.csv(hubCSV(hub.ListMatrix), 0, func(w io.Writer, sh export.Sheet) error {
			return export.Matrix(w, p.Site.Journeys, sh)
		})
	}
}
