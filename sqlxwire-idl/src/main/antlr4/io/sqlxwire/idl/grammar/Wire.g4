/*
 * The SQLxWire interface description language.
 *
 * One .wire file describes one dialect of a database wire protocol (or, without a `protocol`
 * line, a set of shared types to import). The grammar only recognises shape: which names exist,
 * what refers to what and whether a size is knowable is decided by the checker, so that every
 * problem in a file is reported in one run with a precise position.
 *
 * Most words of the language are soft keywords (see `ident`): protocols are full of fields called
 * `tag`, `length`, `size`, `body`, `flags` or `state`, and a description must be able to use the
 * names the official documentation uses.
 */
grammar Wire;

file
    : topLevel* EOF
    ;

topLevel
    : protocolDecl
    | importDecl
    | optionDecl
    | directionDecl
    | enumDecl
    | flagsDecl
    | structDecl
    | messageDecl
    | sessionDecl
    | framingDecl
    | machineDecl
    | signatureDecl
    | transformDecl
    ;

protocolDecl  : 'protocol' ident ';' ;
importDecl    : 'import' STRING ';' ;
optionDecl    : 'option' qualifiedName '=' expr ';' ;
directionDecl : 'direction' ident 'from' ident ';' ;
transformDecl : 'transform' ident ';' ;

enumDecl  : 'enum'  ident ':' typeRef '{' constantMember* '}' ;
flagsDecl : 'flags' ident ':' typeRef '{' constantMember* '}' ;
constantMember : ident '=' expr ';' ;

structDecl
    : 'struct' ident parameters? '{' member* '}'
    ;

messageDecl
    : 'message' ident parameters? ':' ident ('via' via=ident)? ('tag' tag=expr)? ('when' when=expr)? '{' member* '}'
    ;

parameters : '(' parameter (',' parameter)* ')' ;
parameter  : ident ':' typeRef ;

member
    : field
    | letDecl
    ;

field
    : ident ':' typeRef ('=' expr)? fieldSuffix* ';'
    ;

fieldSuffix
    : 'if' expr                       # ifSuffix
    | 'size' '(' expr ')'             # sizeSuffix
    | 'at' '(' expr ')'               # atSuffix
    | 'transform' '(' ident ')'       # transformSuffix
    ;

letDecl
    : 'let' ident (':' typeRef)? '=' expr ';'
    ;

typeRef
    : switchType                      # switchTypeRef
    | namedType typeSuffix*           # namedTypeRef
    ;

namedType
    : ident ('(' arguments? ')')?
    ;

typeSuffix
    : '[' expr? ']'                                      # bracketSuffix
    | 'until' expr                                       # untilSuffix
    | 'rest'                                             # restSuffix
    | 'prefix' '(' typeRef (',' 'null' '=' expr)? ')'    # prefixSuffix
    ;

switchType
    : 'switch' '(' expr ')' '{' switchArm* '}'
    ;

switchArm
    : armPatterns ('if' expr)? '=>' typeRef ';'
    ;

armPatterns
    : armPattern (',' armPattern)*
    ;

armPattern
    : expr ('..' expr)?
    ;

sessionDecl
    : 'session' '{' sessionVar* '}'
    ;

sessionVar
    : ident ':' typeRef ('=' expr)? ';'
    ;

framingDecl
    : 'framing' ident '{' framingItem* '}'
    ;

framingItem
    : 'header' '{' member* '}'          # framingHeader
    | 'tag' ident ';'                   # framingTag
    | 'body' expr ';'                   # framingBody
    | 'delimited' typeRef ';'           # framingDelimited
    | 'max' expr ';'                    # framingMax
    | 'continued' 'if' expr ';'         # framingContinued
    | 'sequence' ident ';'              # framingSequence
    | 'transform' ident ';'             # framingTransform
    ;

machineDecl
    : 'machine' '{' machineItem* '}'
    ;

machineItem
    : 'initial' ident ';'                        # initialState
    | 'state' stateName '{' stateItem* '}'       # stateBlock
    ;

stateName
    : ident
    | '*'
    ;

stateItem
    : 'framing' ident ident ';'                               # stateFraming
    | 'on' ident ident ('if' guard=expr)? ('->' ident)? (';' | actionBlock)      # stateTransition
    | 'final' ';'                                            # stateFinal
    ;

actionBlock
    : '{' action* '}'
    ;

action
    : 'set' ident assignOp expr ';'
    ;

assignOp : '=' | '+=' ;

signatureDecl
    : 'signature' ident 'from' ident '{' signatureItem* '}'
    ;

signatureItem
    : 'min' expr ';'                                   # signatureMin
    | 'at' expr 'match' expr ('mask' expr)? ';'        # signatureMatch
    | 'alpn' STRING ';'                                # signatureAlpn
    ;

arguments
    : argument (',' argument)*
    ;

argument
    : (ident '=')? expr
    ;

expr
    : primary                                             # primaryExpr
    | expr '.' ident                                      # memberExpr
    | expr '[' expr ']'                                   # indexExpr
    | op=('-' | '!' | '~') expr                           # unaryExpr
    | expr op=('*' | '/' | '%') expr                      # binaryExpr
    | expr op=('+' | '-') expr                            # binaryExpr
    | expr op=('<<' | '>>') expr                          # binaryExpr
    | expr op='&' expr                                    # binaryExpr
    | expr op='^' expr                                    # binaryExpr
    | expr op='|' expr                                    # binaryExpr
    | expr op=('<' | '<=' | '>' | '>=' | 'has') expr      # binaryExpr
    | expr op=('==' | '!=') expr                          # binaryExpr
    | expr op='&&' expr                                   # binaryExpr
    | expr op='||' expr                                   # binaryExpr
    | <assoc=right> expr '?' expr ':' expr                # conditionalExpr
    ;

primary
    : INT                                   # intLiteral
    | CHAR                                  # charLiteral
    | STRING                                # stringLiteral
    | HEXBYTES                              # bytesLiteral
    | ('true' | 'false')                    # boolLiteral
    | 'null'                                # nullLiteral
    | '[' ']'                               # emptyListLiteral
    | ident '(' arguments? ')'              # callExpr
    | ident                                 # nameExpr
    | '(' expr ')'                          # parenExpr
    ;

qualifiedName
    : ident ('.' ident)*
    ;

/** Words that are keywords only where the grammar expects them; anywhere else they are names. */
ident
    : ID
    | 'protocol' | 'import' | 'option' | 'direction' | 'from' | 'transform' | 'enum' | 'flags'
    | 'struct' | 'message' | 'tag' | 'when' | 'size' | 'at' | 'until' | 'rest' | 'prefix'
    | 'session' | 'framing' | 'header' | 'body' | 'delimited' | 'max' | 'min' | 'continued'
    | 'sequence' | 'machine' | 'initial' | 'state' | 'on' | 'final' | 'set' | 'signature'
    | 'match' | 'mask' | 'alpn' | 'has' | 'via'
    ;

// ---------------------------------------------------------------- lexer

INT
    : [0-9] [0-9_]*
    | '0' [xX] [0-9a-fA-F] [0-9a-fA-F_]*
    | '0' [bB] [01] [01_]*
    ;

HEXBYTES : [xX] '"' [0-9a-fA-F \t]* '"' ;
CHAR     : '\'' (ESC | ~['\\\r\n]) '\'' ;
STRING   : '"' (ESC | ~["\\\r\n])* '"' ;
fragment ESC : '\\' ( [0rnt\\'"] | 'x' [0-9a-fA-F] [0-9a-fA-F] ) ;

ID : [a-zA-Z_] [a-zA-Z_0-9]* ;

/** Doc comments travel on their own channel; the AST builder attaches them to the next declaration. */
DOC_LINE  : '///' ~[\r\n]* -> channel(2) ;
DOC_BLOCK : '/**' .*? '*/' -> channel(2) ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

/** Anything else is reported by the parser with its position instead of being dropped silently. */
UNEXPECTED : . ;
