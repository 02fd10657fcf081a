"""Reads a .docx with Python's standard library only (zipfile + ElementTree),
a reader that shares no code with Jianyan's writer. Prints JSON: the parts,
and the table's rows as lists of cell texts (paragraphs joined by newlines).
Fails (exit 1) on a bad CRC or any part that is not well-formed XML."""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'

with zipfile.ZipFile(sys.argv[1]) as docx:
    bad = docx.testzip()
    if bad is not None:
        sys.exit(f'bad CRC in {bad}')
    names = docx.namelist()
    for name in names:
        if name.endswith('.xml') or name.endswith('.rels'):
            ET.fromstring(docx.read(name))
    root = ET.fromstring(docx.read('word/document.xml'))

def text_of(element):
    return '\n'.join(''.join(t.text or '' for t in p.iter(W + 't')) for p in element.iter(W + 'p'))

body = root.find(W + 'body')
tables = body.findall(W + 'tbl')
rows = [[text_of(tc) for tc in tr.findall(W + 'tc')] for tr in tables[0].findall(W + 'tr')] if tables else []
paragraphs = [text_of(p) for p in body.findall(W + 'p')]
print(json.dumps({'parts': names, 'rows': rows, 'paragraphs': paragraphs}, ensure_ascii=False))
