// Written by shared/editor/test/writeSchemaSpecs.ts from the Tiptap extensions; do not edit by hand.
import type { SchemaSpecData } from './schemaSpecOf.ts';

/** What `getSchema(articleExtensions())` accepts, as data (see schemaSpecOf). */
export const ARTICLE_SCHEMA_SPEC: SchemaSpecData = {
  "nodes": [
    [
      "paragraph",
      {
        "content": "inline*",
        "group": "block"
      }
    ],
    [
      "blockquote",
      {
        "content": "block+",
        "group": "block",
        "defining": true
      }
    ],
    [
      "bulletList",
      {
        "content": "listItem+",
        "group": "block list"
      }
    ],
    [
      "hardBreak",
      {
        "group": "inline",
        "inline": true,
        "selectable": false,
        "linebreakReplacement": true
      }
    ],
    [
      "heading",
      {
        "content": "inline*",
        "group": "block",
        "defining": true,
        "attrs": {
          "level": {
            "default": 1
          }
        }
      }
    ],
    [
      "horizontalRule",
      {
        "group": "block",
        "attrs": {
          "suggestion": {
            "default": null
          }
        }
      }
    ],
    [
      "listItem",
      {
        "content": "paragraph block*",
        "defining": true
      }
    ],
    [
      "orderedList",
      {
        "content": "listItem+",
        "group": "block list",
        "attrs": {
          "start": {
            "default": 1
          },
          "type": {
            "default": null
          }
        }
      }
    ],
    [
      "text",
      {
        "group": "inline"
      }
    ],
    [
      "doc",
      {
        "content": "headline standfirst block+"
      }
    ],
    [
      "headline",
      {
        "content": "text*",
        "marks": "suggestionInsert suggestionDelete",
        "defining": true
      }
    ],
    [
      "standfirst",
      {
        "content": "text*",
        "marks": "suggestionInsert suggestionDelete",
        "defining": true
      }
    ],
    [
      "figure",
      {
        "content": "inline*",
        "group": "block",
        "draggable": true,
        "defining": true,
        "isolating": true,
        "attrs": {
          "suggestion": {
            "default": null
          },
          "src": {
            "default": ""
          },
          "alt": {
            "default": ""
          },
          "credit": {
            "default": ""
          }
        }
      }
    ],
    [
      "relatedLink",
      {
        "content": "text*",
        "marks": "suggestionInsert suggestionDelete",
        "group": "block",
        "draggable": true,
        "defining": true,
        "isolating": true,
        "attrs": {
          "suggestion": {
            "default": null
          },
          "href": {
            "default": ""
          }
        }
      }
    ]
  ],
  "marks": [
    [
      "link",
      {
        "inclusive": true,
        "attrs": {
          "href": {
            "default": null
          },
          "target": {
            "default": null
          },
          "rel": {
            "default": "noopener noreferrer"
          },
          "class": {
            "default": null
          },
          "title": {
            "default": null
          }
        }
      }
    ],
    [
      "bold",
      {}
    ],
    [
      "italic",
      {}
    ],
    [
      "suggestionInsert",
      {
        "inclusive": false,
        "spanning": true,
        "attrs": {
          "id": {
            "default": ""
          },
          "authorId": {
            "default": ""
          },
          "authorName": {
            "default": ""
          },
          "color": {
            "default": ""
          },
          "createdAt": {
            "default": ""
          }
        }
      }
    ],
    [
      "suggestionDelete",
      {
        "inclusive": false,
        "spanning": true,
        "attrs": {
          "id": {
            "default": ""
          },
          "authorId": {
            "default": ""
          },
          "authorName": {
            "default": ""
          },
          "color": {
            "default": ""
          },
          "createdAt": {
            "default": ""
          }
        }
      }
    ],
    [
      "suggestionFormat",
      {
        "inclusive": false,
        "spanning": true,
        "attrs": {
          "id": {
            "default": ""
          },
          "authorId": {
            "default": ""
          },
          "authorName": {
            "default": ""
          },
          "color": {
            "default": ""
          },
          "createdAt": {
            "default": ""
          },
          "before": {
            "default": []
          }
        }
      }
    ]
  ],
  "topNode": "doc"
};

/** What `getSchema(plainArticleExtensions())` accepts, as data (see schemaSpecOf). */
export const PLAIN_ARTICLE_SCHEMA_SPEC: SchemaSpecData = {
  "nodes": [
    [
      "paragraph",
      {
        "content": "inline*",
        "group": "block"
      }
    ],
    [
      "blockquote",
      {
        "content": "block+",
        "group": "block",
        "defining": true
      }
    ],
    [
      "bulletList",
      {
        "content": "listItem+",
        "group": "block list"
      }
    ],
    [
      "hardBreak",
      {
        "group": "inline",
        "inline": true,
        "selectable": false,
        "linebreakReplacement": true
      }
    ],
    [
      "heading",
      {
        "content": "inline*",
        "group": "block",
        "defining": true,
        "attrs": {
          "level": {
            "default": 1
          }
        }
      }
    ],
    [
      "horizontalRule",
      {
        "group": "block"
      }
    ],
    [
      "listItem",
      {
        "content": "paragraph block*",
        "defining": true
      }
    ],
    [
      "orderedList",
      {
        "content": "listItem+",
        "group": "block list",
        "attrs": {
          "start": {
            "default": 1
          },
          "type": {
            "default": null
          }
        }
      }
    ],
    [
      "text",
      {
        "group": "inline"
      }
    ],
    [
      "doc",
      {
        "content": "headline standfirst block+"
      }
    ],
    [
      "headline",
      {
        "content": "text*",
        "marks": "",
        "defining": true
      }
    ],
    [
      "standfirst",
      {
        "content": "text*",
        "marks": "",
        "defining": true
      }
    ],
    [
      "figure",
      {
        "content": "inline*",
        "group": "block",
        "draggable": true,
        "defining": true,
        "isolating": true,
        "attrs": {
          "src": {
            "default": ""
          },
          "alt": {
            "default": ""
          },
          "credit": {
            "default": ""
          }
        }
      }
    ],
    [
      "relatedLink",
      {
        "content": "text*",
        "marks": "",
        "group": "block",
        "draggable": true,
        "defining": true,
        "isolating": true,
        "attrs": {
          "href": {
            "default": ""
          }
        }
      }
    ]
  ],
  "marks": [
    [
      "link",
      {
        "inclusive": true,
        "attrs": {
          "href": {
            "default": null
          },
          "target": {
            "default": null
          },
          "rel": {
            "default": "noopener noreferrer"
          },
          "class": {
            "default": null
          },
          "title": {
            "default": null
          }
        }
      }
    ],
    [
      "bold",
      {}
    ],
    [
      "italic",
      {}
    ]
  ],
  "topNode": "doc"
};
