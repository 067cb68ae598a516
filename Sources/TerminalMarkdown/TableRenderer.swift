import GFM

/// Draws GFM tables with box-drawing characters. Columns are sized in display cells so
/// double-width (Japanese) text lines up; when the table is wider than the terminal, cell text
/// wraps inside narrower columns instead of breaking the box.
struct TableRenderer {
    let inline: InlineRenderer
    let styler: Styler

    private struct Cell {
        var pieces: [InlinePiece]
        var natural: Int
        var longestWord: Int
    }

    func render(_ table: MarkdownNode, width: Int) -> [String]? {
        guard case .table(let alignments) = table.kind, !table.children.isEmpty else { return nil }
        let headerFlags = table.children.map { if case .tableRow(header: true) = $0.kind { true } else { false } }
        let columnCount = max(alignments.count, table.children.map(\.children.count).max() ?? 0)
        guard columnCount > 0 else { return nil }

        let rows: [[Cell]] = zip(table.children, headerFlags).map { row, header in
            (0..<columnCount).map { column in
                let nodes = column < row.children.count ? row.children[column].children : []
                let pieces = inline.pieces(nodes, style: TextStyle(bold: header))
                let measure = LineWrapper.measure(pieces)
                return Cell(pieces: pieces, natural: measure.natural, longestWord: measure.longestWord)
            }
        }
        let widths = columnWidths(rows, columnCount: columnCount, width: width)

        var lines = [border("┌", "┬", "┐", widths)]
        for (index, row) in rows.enumerated() {
            lines += renderRow(row, widths: widths, alignments: alignments)
            if headerFlags[index] && index + 1 < rows.count && !headerFlags[index + 1] {
                lines.append(border("├", "┼", "┤", widths))
            }
        }
        lines.append(border("└", "┴", "┘", widths))
        return lines
    }

    /// Natural widths if they fit; otherwise shrink the widest column, first down to its longest
    /// word, then (words breaking) down to 2 cells, the width of one CJK character.
    private func columnWidths(_ rows: [[Cell]], columnCount: Int, width: Int) -> [Int] {
        let available = width - (3 * columnCount + 1)  // "│ " + " │ " between + " │"
        var widths = (0..<columnCount).map { column in max(rows.map { $0[column].natural }.max() ?? 0, 1) }
        let wordFloors = (0..<columnCount).map { column in
            min(widths[column], max(rows.map { $0[column].longestWord }.max() ?? 0, 1))
        }
        for floors in [wordFloors, widths.map { min($0, 2) }] {
            while widths.reduce(0, +) > available {
                let candidates = widths.indices.filter { widths[$0] > floors[$0] }
                guard let widest = candidates.max(by: { widths[$0] <= widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        return widths
    }

    private func renderRow(_ row: [Cell], widths: [Int], alignments: [MarkdownNode.ColumnAlignment]) -> [String] {
        let cellLines = zip(row, widths).map { cell, width in
            LineWrapper.wrap(cell.pieces, width: width, breakLongWords: true)
        }
        let height = max(cellLines.map(\.count).max() ?? 0, 1)
        let bar = styler.gray("│")
        return (0..<height).map { lineIndex in
            let cells = widths.indices.map { column -> String in
                let line = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : []
                let alignment = column < alignments.count ? alignments[column] : .none
                return " " + align(line, width: widths[column], alignment) + " "
            }
            return bar + cells.joined(separator: bar) + bar
        }
    }

    private func align(_ line: StyledLine, width: Int, _ alignment: MarkdownNode.ColumnAlignment) -> String {
        let gap = max(width - line.displayWidth, 0)
        let left: Int
        switch alignment {
        case .right: left = gap
        case .center: left = gap / 2
        case .left, .none: left = 0
        }
        return String(repeating: " ", count: left) + line.rendered(styler) + String(repeating: " ", count: gap - left)
    }

    private func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        styler.gray(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right)
    }
}
