@testable import AWSWire
import Foundation
import Testing

@Suite("XML reader")
struct XMLReaderTests {
    private func parse(_ text: String) throws -> XMLNode { try XMLReader.parse(Data(text.utf8)) }

    @Test func readsElementsAttributesAndText() throws {
        let root = try parse(#"<?xml version = "1.0" encoding = "UTF-8"?>"# + "\n" +
            #"<Root xmlns="http://foo.com" test='a &amp; b'><a>1</a><!-- c --><b:x xmlns:b="u">two</b:x><e/></Root>"#)
        #expect(root.name == "Root")
        #expect(root.attribute("test") == "a & b")
        #expect(root.attribute("xmlns") == "http://foo.com")
        #expect(root.children.map(\.name) == ["a", "b:x", "e"])
        #expect(root.child(named: "x")?.text == "two")
        #expect(root.child(named: "e")?.text == "")
        #expect(root.child(named: "missing") == nil)
    }

    @Test func keepsWhitespaceAndDecodesReferences() throws {
        #expect(try parse("<s> string with white    space </s>").text == " string with white    space ")
        #expect(try parse("<s>escaped data: &amp;lt;&#xD;&#10;</s>").text == "escaped data: &lt;\r\n")
        #expect(try parse("<s>&lt;&gt;&quot;&apos;&#65;&#x1F600;</s>").text == "<>\"'A😀")
        #expect(try parse("<s><![CDATA[<not> &amp; markup]]></s>").text == "<not> &amp; markup")
        #expect(try parse("<s>a\r\nb\rc</s>").text == "a\nb\nc")
        #expect(try parse("\u{FEFF}<s>bom</s>").text == "bom")
    }

    @Test(arguments: [
        "", "text", "<a>", "<a></b>", "<a><b></a></b>", "<a>&bogus;</a>", "<a>&#xZZ;</a>", "<a x=1/>", "<a/><b/>",
        #"<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>"#, "<a><!DOCTYPE x></a>", "<a>&amp</a>", "<a><!-- open</a>",
    ])
    func refusesMalformedDocuments(text: String) {
        #expect(throws: XMLReadError.self) { try parse(text) }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "<a>", count: 1000) + String(repeating: "</a>", count: 1000)
        #expect(throws: XMLReadError.self) { try parse(deep) }
    }
}
