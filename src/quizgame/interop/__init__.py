"""Import and export: the formats teachers already use (Moodle GIFT, Kahoot, Anki, CSV...).

One module per format; `registry` names them for the command line. Exporters turn a validated
`Quiz` into a document and list every question they could not carry; importers turn a file into
validated questions and report every problem with its line. Never imports textual.
"""
