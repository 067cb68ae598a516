import JSON
import Testing

@Suite("JSONValue serialization")
struct JSONValueSerializationTests {
    @Test(arguments: [
        (JSONValue.number(10324440), "10324440"),
        (.number(0), "0"),
        (.number(-0.0), "0"),
        (.number(-17), "-17"),
        (.number(1.5), "1.5"),
        (.number(0.1), "0.1"),
        (.number(1e21), "1e+21"),
        (.number(9007199254740992), "9007199254740992"),
        (.number(1e17), "1e+17"),
        (.bool(true), "true"),
        (.null, "null"),
    ])
    func numbersAndScalars(value: JSONValue, expected: String) {
        #expect(value.jsonText() == expected)
    }

    @Test func stringEscapes() {
        let value = JSONValue.string("quote\" backslash\\ slash/ newline\n tab\t bell\u{07} nul\u{00} é ✓ 𝄞")
        #expect(value.jsonText() == #""quote\" backslash\\ slash/ newline\n tab\t bell\u0007 nul\u0000 é ✓ 𝄞""#)
    }

    @Test func compactWithSortedKeys() {
        let value: JSONValue = ["b": [true, nil], "a": 1, "c": ["z": "y"]]
        #expect(value.jsonText() == #"{"a":1,"b":[true,null],"c":{"z":"y"}}"#)
    }

    @Test func prettyMatchesAwsCliLayout() {
        let value: JSONValue = ["Queues": [["Name": "a", "Delay": 0]], "Empty": [], "None": [:]]
        #expect(value.jsonText(pretty: true) == """
            {
                "Empty": [],
                "None": {},
                "Queues": [
                    {
                        "Delay": 0,
                        "Name": "a"
                    }
                ]
            }
            """)
    }

    @Test func roundTrips() throws {
        let value: JSONValue = ["text": "line\nbreak \"q\" ✓", "numbers": [0, -1, 2.5, 1e-7, 123456789012], "flag": false, "nothing": nil]
        #expect(try JSONValue(jsonString: value.jsonText()) == value)
        #expect(try JSONValue(jsonString: value.jsonText(sortedKeys: false, pretty: true)) == value)
    }
}
